package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.BadRowException;
import dev.lake.source.files.CsvSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-row policies on Spark behave as locally: failFast fails with the bad row, a limit applies to the whole run
 * (each task counting its own), and the rejected zone commits once with every bad row.
 */
class BadRowsOnSparkTest {
  static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
  static final String GOOD = "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom";

  @TempDir
  static Path in;
  @TempDir
  Path dir;

  /** Four files of 3 good rows each; the last three have one bad quantity each on line 3. */
  @BeforeAll
  static void files() throws IOException {
    for (int f = 0; f < 4; f++) {
      List<String> lines = new ArrayList<>(List.of(HEADER, GOOD, GOOD.replace(",6,", ",7,"), GOOD));
      if (f > 0) {
        lines.add(2, "536366,22633,HAND WARMER,six,2010-12-01 08:28:00,1.85,17850.0,United Kingdom");
      }
      Files.write(in.resolve("day-" + f + ".csv"), lines);
    }
  }

  private Pipeline<RetailLine> pipeline(Lake lake, BadRowPolicy policy) {
    return Pipeline.from(CsvSource.of(RetailLine.class).from(in.toString() + "/*.csv")).named("bad")
        .to(lake.processed("sales")).onBadRows(policy);
  }

  @Test
  void failFast_onSpark_failsWithTheBadRowAndCommitsNothing() {
    Lake lake = Lake.at(dir.toString());

    assertThatThrownBy(() -> pipeline(lake, BadRowPolicy.failFast()).run(SparkRunner.of(SharedSpark.session())))
        .isInstanceOf(BadRowException.class)
        .hasMessageContaining(".csv:3")
        .hasMessageContaining("quantity")
        .hasMessageContaining("six");
    assertThat(lake.latest("sales")).isEmpty();
  }

  @Test
  void collectLimit_appliesToTheWholeRun_notToEachTask() {
    Lake lake = Lake.at(dir.toString());
    // 3 bad rows in 3 different tasks: each task alone is within the limit of 2, the run is not.
    assertThatThrownBy(() -> pipeline(lake, BadRowPolicy.collect(2))
        .run(SparkRunner.of(SharedSpark.session()).withPartitions(4)))
        .isInstanceOf(BadRowException.class)
        .hasMessageContaining("More than 2 bad rows (3 in all)");
    assertThat(lake.latest("sales")).isEmpty();

    PipelineResult ok = pipeline(lake, BadRowPolicy.collect(3)).run(SparkRunner.of(SharedSpark.session()));
    assertThat(ok.rowsWritten()).isEqualTo(12);
    assertThat(ok.badRows()).hasSize(3).allSatisfy(b -> assertThat(b.position()).endsWith(".csv:3"));
  }

  @Test
  void rejectedZone_onSpark_holdsEveryBadRowOnce_likeTheLocalRunner() {
    Lake local = Lake.at(dir.resolve("local").toString());
    Lake spark = Lake.at(dir.resolve("spark").toString());

    PipelineResult a = pipeline(local, BadRowPolicy.toRejectedZone()).run();
    PipelineResult b = pipeline(spark, BadRowPolicy.toRejectedZone()).run(SparkRunner.of(SharedSpark.session()));

    assertThat(b.rowsWritten()).isEqualTo(a.rowsWritten()).isEqualTo(12);
    assertThat(b.rowsRejected()).isEqualTo(a.rowsRejected()).isEqualTo(3);
    assertThat(positions(spark)).isEqualTo(positions(local)).hasSize(3);
  }

  private static List<String> positions(Lake lake) {
    List<String> out = new ArrayList<>();
    for (GenericRecord r : lake.read("rejected/sales").readAll()) {
      out.add(r.get("position") + " " + r.get("reason"));
    }
    out.sort(null);
    return out;
  }
}
