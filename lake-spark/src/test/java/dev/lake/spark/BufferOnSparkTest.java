package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.StepReport;
import dev.lake.source.files.CsvSource;
import dev.lake.transforms.Buffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A buffered pipeline on Spark: each task finishes its own buffer (its last, partial batch reaches the sink), so the
 * same rows are committed as by the local runner, and the report counts batches the same way.
 */
class BufferOnSparkTest {
  static final int ROWS = 500;
  static final int BYTES = 64_000;

  @TempDir
  Path dir;

  /** March 2011 of Online Retail, in batches of at most 500 rows or 64 kB of JSON, then one row per line again. */
  private static Pipeline<RetailLine> pipeline(Lake lake) {
    String days = SharedSpark.DATA.resolve("online_retail/by-day").toString() + "/2011-03-*.csv.gz";
    return Pipeline.from(CsvSource.of(RetailLine.class).from(days)).named("retail-batches")
        .buffer(Buffer.ofRows(ROWS).orBytes(BYTES))
        .flatMap("unbatch", (List<RetailLine> batch) -> {
          long bytes = batch.stream().mapToLong(Buffer.jsonBytes()::sizeOf).sum();
          if (batch.size() > ROWS || bytes > BYTES && batch.size() > 1) {
            throw new IllegalStateException("batch over the limits: " + batch.size() + " rows, " + bytes + " bytes");
          }
          return batch;
        })
        .to(lake.processed("sales"))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  @Test
  void buffer_onSpark_commitsTheSameRowsAsLocally_everyTaskFlushingItsLastBatch() {
    Lake local = Lake.at(dir.resolve("local").toString());
    Lake spark = Lake.at(dir.resolve("spark").toString());

    PipelineResult a = pipeline(local).withParallelism(2).run();
    PipelineResult b = pipeline(spark).run(SparkRunner.of(SharedSpark.session()).withPartitions(5));

    assertThat(b.splits()).isEqualTo(a.splits()).isGreaterThan(20);
    assertThat(b.rowsRead()).isEqualTo(a.rowsRead()).isPositive();
    assertThat(b.rowsWritten()).isEqualTo(a.rowsWritten()).isEqualTo(b.rowsRead());
    assertThat(b.rowsRejected()).isZero(); // no batch broke the limits
    assertThat(SharedSpark.rows(spark, "sales")).isEqualTo(SharedSpark.rows(local, "sales"));

    StepReport buffer = b.steps().get(0);
    assertThat(buffer.in()).isEqualTo(b.rowsRead());
    assertThat(buffer.batched()).isEqualTo(b.rowsRead());
    // at least the full batches; at most one partial batch per task on top (5 tasks, plus the byte limit's cuts)
    assertThat(buffer.out()).isGreaterThanOrEqualTo((b.rowsRead() + ROWS - 1) / ROWS);
    assertThat(b.steps().get(1).in()).isEqualTo(buffer.out());
    assertThat(b.rowsGrouped()).isEqualTo(buffer.in() - buffer.out());
    assertThat(b.rowsFiltered()).isZero();
    assertThat(b.reconciles()).isTrue();
    assertThat(a.reconciles()).isTrue();
  }
}
