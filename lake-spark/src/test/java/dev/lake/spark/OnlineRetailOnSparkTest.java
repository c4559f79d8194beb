package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.exceptions.BadRowException;
import dev.lake.source.files.CsvSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Online Retail pipeline (305 gzip files) on the local runner and on Spark: the same rows, the same bad rows. */
class OnlineRetailOnSparkTest {
  @TempDir
  static Path dir;
  static Lake local;
  static PipelineResult localResult;

  @BeforeAll
  static void runLocally() {
    local = Lake.at(dir.resolve("local").toString());
    localResult = OnlineRetail.pipeline(SharedSpark.DATA.toUri(), local).run();
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
    assertThat(SharedSpark.rows(lake, OnlineRetail.DATASET)).isEqualTo(SharedSpark.rows(local, OnlineRetail.DATASET));
    // Spark reads the Parquet files Lake wrote: every committed row, nothing else left in the directory.
    assertThat(SharedSpark.session().read().parquet(dir.resolve("spark/processed/online_retail").toString()).count())
        .isEqualTo(result.rowsWritten());
  }

  @Test
  void badRows_failFastOnSpark_failsWithTheBadRowAndCommitsNothing() throws Exception {
    Path in = Files.createDirectories(dir.resolve("bad-in"));
    List<String> header = List.of("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
    Files.write(in.resolve("a.csv"), Stream.concat(header.stream(),
        Stream.of("536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom")).toList());
    Files.write(in.resolve("b.csv"), Stream.concat(header.stream(),
        Stream.of("536366,22633,HAND WARMER,six,2010-12-01 08:28:00,1.85,17850.0,United Kingdom")).toList(),
        StandardCharsets.UTF_8);
    Lake lake = Lake.at(dir.resolve("bad-lake").toString());
    Pipeline<Sale> pipeline = Pipeline.from(CsvSource.of(Sale.class).from(in.toString() + "/*.csv"))
        .named("bad").to(lake.processed("bad")).onBadRows(BadRowPolicy.failFast());

    assertThatThrownBy(() -> pipeline.run(SparkRunner.of(SharedSpark.session())))
        .isInstanceOf(BadRowException.class)
        .hasMessageContaining("b.csv:2")
        .hasMessageContaining("quantity");
    assertThat(lake.latest("bad")).isEmpty();
  }
}
