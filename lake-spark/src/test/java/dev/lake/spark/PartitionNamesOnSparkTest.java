package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.source.files.CsvSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Online Retail day whose countries were edited into values that are hard as directory names ("Zürich", "a/b",
 * "x=y", "%", spaces, emoji, Hive's null name), written by Lake partitioned by country: Spark's own partition
 * discovery (which unescapes directory names as Hive does) reads back exactly the values Lake reads.
 */
class PartitionNamesOnSparkTest {
  static final Map<Integer, String> COUNTRIES = Map.of(
      50, "Zürich", 51, "a/b", 52, "x=y", 53, "100%", 54, "São Paulo \uD83D\uDE00",
      55, "__HIVE_DEFAULT_PARTITION__", 56, "#?*:[]^{}'\\", 57, "é".repeat(50), 58, "..", 59, "a b");

  @TempDir
  Path dir;

  /** The bundled day's lines (header first) with the countries of {@link #COUNTRIES}. */
  static List<String> editedDay() throws IOException {
    Path day = SharedSpark.DATA.resolve("online_retail/by-day/2010-12-01.csv.gz");
    String text;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(day))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
    COUNTRIES.forEach((n, country) -> {
      String line = lines.get(n - 1);
      lines.set(n - 1, line.substring(0, line.lastIndexOf(',') + 1) + country);
    });
    return lines;
  }

  @Test
  void partitionedByHardValues_sparkReadsBackWhatLakeReads() throws Exception {
    List<String> lines = editedDay();
    Path file = dir.resolve("in/2010-12-01.csv");
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
    Lake lake = Lake.at(dir.resolve("lake").toString());

    PipelineResult result = Pipeline.from(CsvSource.of(RetailLine.class).from(file.toString())).named("retail")
        .to(lake.processed("retail").partitionBy("country")).run();

    Map<String, Long> byLake = new HashMap<>();
    for (GenericRecord r : lake.read("retail").readAll()) {
      byLake.merge(String.valueOf(r.get("country")), 1L, Long::sum);
    }
    Map<String, Long> bySpark = new HashMap<>();
    for (Row r : SharedSpark.session().read().parquet(dir.resolve("lake/processed/retail").toString())
        .groupBy("country").count().collectAsList()) {
      bySpark.put(r.getString(0), r.getLong(1));
    }
    assertThat(result.rowsWritten()).isEqualTo(lines.size() - 1);
    assertThat(byLake.keySet()).containsAll(COUNTRIES.values());
    assertThat(bySpark).isEqualTo(byLake);
  }
}
