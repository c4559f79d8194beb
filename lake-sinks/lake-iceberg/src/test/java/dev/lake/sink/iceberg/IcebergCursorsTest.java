package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source that resumes from a cursor (as Kinesis and the tweets search do) into an Iceberg table: the cursors travel
 * in the table's snapshots, so a crash between the table's commit and the lake's state neither stalls the source nor
 * adds a row twice; and a pipeline with no lake resumes from the table alone.
 */
class IcebergCursorsTest {
  @TempDir
  Path dir;

  record Tick(int n) {}

  /** Rows 0..total-1, {@code batch} per run, resumed from the cursor "next"; one split per run, named by its start. */
  record Ticks(int total, int batch, int start) implements Source<Tick> {
    @Override
    public String name() {
      return "ticks";
    }

    @Override
    public String id() {
      return "ticks@" + start;
    }

    @Override
    public List<Ticks> split(SourceContext ctx) {
      int from = Integer.parseInt(ctx.cursor("next").orElse("0"));
      return from >= total ? List.of() : List.of(new Ticks(total, batch, from));
    }

    @Override
    public SourceReader<Tick> open(SourceContext ctx) {
      int end = Math.min(total, start + batch);
      ctx.proposeCursor("next", String.valueOf(end));
      return new SourceReader<>() {
        int next = start;

        @Override
        public boolean hasNext() {
          return next < end;
        }

        @Override
        public Tick next() {
          return new Tick(next++);
        }

        @Override
        public String position() {
          return "tick " + next;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public boolean proposesCursors() {
      return true;
    }
  }

  /** A sink whose commit fails: the crash after the Iceberg table committed and before the lake's state did. */
  record FailingCommit() implements Sink<Tick> {
    @Override
    public String name() {
      return "failing-commit";
    }

    @Override
    public SinkWriter<Tick> open(WriterContext ctx) {
      return new SinkWriter<>() {
        @Override
        public void write(Tick row) {}

        @Override
        public WriterResult commit() {
          return WriterResult.of(ctx.writerIndex(), 0, List.of());
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public CommitSummary commit(List<WriterResult> results, CommitContext ctx) throws IOException {
      throw new IOException("injected: the process died here");
    }
  }

  private static Map<Integer, Long> counts(IcebergCatalog catalog) throws Exception {
    Map<Integer, Long> counts = new TreeMap<>();
    for (GenericRecord r : IcebergTableReader.rows(catalog.load("t.ticks"))) {
      counts.merge((Integer) r.get("n"), 1L, Long::sum);
    }
    return counts;
  }

  @Test
  void crashBetweenTheTablesCommitAndTheLakes_theNextRunResumesFromTheTablesCursors() throws Exception {
    // Eight times over: runs in the same second must not be ordered by their ids' random part
    for (int i = 0; i < 8; i++) {
      IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w" + i).toString());
      Lake lake = Lake.at(dir.resolve("lake" + i).toString());
      Ticks ticks = new Ticks(30, 10, 0);
      IcebergSink<Tick> table = catalog.table("t.ticks");

      Pipeline.from(ticks).named("ticks").withLake(lake).to(table).run();
      assertThatThrownBy(() -> Pipeline.from(ticks).named("ticks").withLake(lake).to(table)
          .to(new FailingCommit()).run()).hasMessageContaining("injected");
      assertThat(lake.cursors("ticks")).containsEntry("next", "10"); // the lake's state never saw the second run
      PipelineResult third = Pipeline.from(ticks).named("ticks").withLake(lake).to(table).run();

      assertThat(third.rowsWritten()).as("iteration %s", i).isEqualTo(10);
      Map<Integer, Long> expected = new TreeMap<>();
      for (int n = 0; n < 30; n++) {
        expected.put(n, 1L);
      }
      assertThat(counts(catalog)).isEqualTo(expected);
      assertThat(lake.cursors("ticks")).containsEntry("next", "30");
    }
  }

  @Test
  void withoutALake_runsResumeFromTheCursorsInTheTable() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    Ticks ticks = new Ticks(25, 10, 0);
    for (int run = 0; run < 4; run++) {
      Pipeline.from(ticks).named("ticks").to(catalog.<Tick>table("t.ticks")).run();
    }
    Map<Integer, Long> expected = new TreeMap<>();
    for (int n = 0; n < 25; n++) {
      expected.put(n, 1L);
    }
    assertThat(counts(catalog)).isEqualTo(expected);
  }
}
