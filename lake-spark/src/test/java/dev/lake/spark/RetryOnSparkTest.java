package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.examples.ecommerce.RetailRow;
import dev.lake.exceptions.LakeException;
import dev.lake.transforms.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark task that fails half-way through its partition (after writing files) is retried, and the output still holds
 * every row exactly once: the retry rewrites the same file names, and the driver publishes only collected files.
 */
class RetryOnSparkTest {
  /** How many first attempts failed (tasks run in this JVM in local mode). */
  static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();

  @TempDir
  Path dir;

  @Test
  void taskFailingOnce_isRetried_andEveryRowIsWrittenExactlyOnce() throws IOException {
    PipelineResult expected = SharedSpark.localOnlineRetailResult();
    Lake lake = Lake.at(dir.resolve("spark").toString());

    PipelineResult result = OnlineRetail.pipeline(SharedSpark.DATA.toUri(), lake, 20_000)
        .apply(new FailFirstAttempt())
        .run(SparkRunner.of(SharedSpark.session()).withPartitions(2));

    assertThat(FAILED_ATTEMPTS.get()).isEqualTo(2); // each of the two partitions failed once, then succeeded
    assertThat(result.rowsWritten()).isEqualTo(expected.rowsWritten());
    List<String> rows = SharedSpark.rows(lake, OnlineRetail.DATASET);
    assertThat(rows).isEqualTo(SharedSpark.localOnlineRetailRows());
    // Exactly the committed files are on disk: no leftover of a failed attempt beside them.
    Set<String> committed = new HashSet<>();
    lake.latest(OnlineRetail.DATASET).orElseThrow().files().forEach(f -> committed.add(f.path()));
    Path data = dir.resolve("spark/processed/online_retail");
    try (Stream<Path> files = Files.walk(data)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("_")).toList()).containsExactlyInAnyOrderElementsOf(committed);
    }
    assertThat(committed.size()).isGreaterThan(20); // files rolled every 20,000 rows, so attempts finished files
  }

  /** Passes rows on; the first attempt of every task fails after 30,000 rows (a LakeException fails the task). */
  static final class FailFirstAttempt implements Step<RetailRow, RetailRow> {
    private static final long serialVersionUID = 1L;
    private transient int seen;

    @Override
    public String name() {
      return "fail-first-attempt";
    }

    @Override
    public void apply(RetailRow row, Consumer<? super RetailRow> out) {
      TaskContext task = TaskContext.get();
      if (task != null && task.attemptNumber() == 0 && ++seen == 30_000) {
        FAILED_ATTEMPTS.incrementAndGet();
        throw new LakeException("Injected failure of task " + task.partitionId() + " attempt 0");
      }
      out.accept(row);
    }
  }
}
