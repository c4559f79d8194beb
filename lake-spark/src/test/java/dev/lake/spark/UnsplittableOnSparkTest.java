package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source that cannot split (like a REST API) runs the whole pipeline on the driver, not in a Spark task. */
class UnsplittableOnSparkTest {
  static final AtomicBoolean READ_IN_A_TASK = new AtomicBoolean();
  static final AtomicBoolean READ = new AtomicBoolean();

  @TempDir
  Path dir;

  record Page(int id, String title) {}

  @Test
  void unsplittableSource_runsOnTheDriver_andCommits() {
    Lake lake = Lake.at(dir.toString());

    PipelineResult result = Pipeline.from(new PagedApi(250)).named("api")
        .filter("even", p -> p.id() % 2 == 0)
        .to(lake.processed("pages"))
        .run(SparkRunner.of(SharedSpark.session()));

    assertThat(READ.get()).isTrue();
    assertThat(READ_IN_A_TASK.get()).isFalse();
    assertThat(result.splits()).isEqualTo(1);
    assertThat(result.rowsWritten()).isEqualTo(125);
    assertThat(lake.read("pages").readAll()).hasSize(125);
  }

  /** Pages of an API: one split only, read in order (a cursor-driven REST source behaves so). */
  static final class PagedApi implements Source<Page> {
    private static final long serialVersionUID = 1L;
    private final int rows;

    PagedApi(int rows) {
      this.rows = rows;
    }

    @Override
    public String name() {
      return "api";
    }

    @Override
    public String id() {
      return "api:" + rows;
    }

    @Override
    public SourceReader<Page> open(SourceContext ctx) {
      READ.set(true);
      READ_IN_A_TASK.compareAndSet(false, TaskContext.get() != null);
      List<Page> pages = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        pages.add(new Page(i, "page " + i));
      }
      Iterator<Page> it = pages.iterator();
      return new SourceReader<>() {
        private int n;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Page next() {
          n++;
          return it.next();
        }

        @Override
        public String position() {
          return "page " + n;
        }

        @Override
        public void close() {}
      };
    }
  }
}
