package dev.lake.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.spark.SparkRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Online Retail pipeline (305 gzip files) on the local runner and on Spark: the same rows. */
class OnlineRetailOnSparkTest {
  @TempDir
  static Path dir;
  static PipelineResult localResult;

  @BeforeAll
  static void runLocally() {
    localResult = SharedSpark.localOnlineRetailResult();
  }

  @Test
  void onlineRetail_onSpark_writesTheSameRowsAsTheLocalRunner() throws Exception {
    Lake lake = Lake.at(dir.resolve("spark").toString());

    PipelineResult result = OnlineRetail.pipeline(SharedSpark.DATA.toUri(), lake)
        .run(SparkRunner.of(SharedSpark.session()));

    // Independently of Lake: Spark's own CSV reader counts the source's records.
    long sourceRows = SharedSpark.session().read().option("header", "true")
        .csv(SharedSpark.DATA.resolve("online_retail/by-day").toString() + "/*.csv.gz").count();
    assertThat(result.splits()).isEqualTo(305);
    assertThat(result.rowsRead() + result.sourceRejected()).isEqualTo(sourceRows);
    assertThat(result.rowsWritten()).isEqualTo(localResult.rowsWritten());
    assertThat(result.rowsRejected()).isEqualTo(localResult.rowsRejected());
    assertThat(result.commitKey()).isEqualTo(localResult.commitKey());
    assertThat(SharedSpark.rows(lake, OnlineRetail.DATASET)).isEqualTo(SharedSpark.localOnlineRetailRows());
    // Spark reads the Parquet files Lake wrote: every committed row, nothing else left in the directory.
    assertThat(SharedSpark.session().read().parquet(dir.resolve("spark/processed/online_retail").toString()).count())
        .isEqualTo(result.rowsWritten());
  }
}
