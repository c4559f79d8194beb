package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Online Retail day whose countries were edited into values that are hard as directory names, partitioned by
 * country: each is read back by Lake exactly, its directory is named as Hive names it, and a value too long for a
 * directory name is one rejected row, not the end of the run.
 */
class PartitionValuesTest {
  /** Line number (1-based, in the day file) -> the country put there. */
  static final Map<Integer, String> COUNTRIES = Map.of(
      50, "Zürich", 51, "a/b", 52, "x=y", 53, "100%", 54, "São Paulo \uD83D\uDE00",
      55, "__HIVE_DEFAULT_PARTITION__", 56, "#?*:[]^{}'", 57, "é".repeat(50), 58, "..");
  static final int TOO_LONG_LINE = 60;
  static final String DAY = "2010-12-01";

  @TempDir Path dir;

  /** The day's lines with the countries of {@link #COUNTRIES}, and a 300-character one at line 60. */
  static List<byte[]> editedDay() {
    List<byte[]> lines = BundledData.retailDay(DAY);
    for (Map.Entry<Integer, String> e : COUNTRIES.entrySet()) {
      lines = BundledData.replace(lines, e.getKey(), withCountry(BundledData.line(lines, e.getKey()), e.getValue()));
    }
    return BundledData.replace(lines, TOO_LONG_LINE,
        withCountry(BundledData.line(lines, TOO_LONG_LINE), "x".repeat(300)));
  }

  static String withCountry(String line, String country) {
    return line.substring(0, line.lastIndexOf(',') + 1) + country;
  }

  @Test
  void run_hardPartitionValues_readBackExactlyAndTooLongOneRejected() throws Exception {
    List<byte[]> lines = editedDay();
    Path file = BundledData.write(dir.resolve("in/" + DAY + ".csv"), lines);
    Lake lake = Lake.at(dir.resolve("lake").toString());

    PipelineResult result = Pipeline.from(CsvSource.of(CsvQuotesTest.Sale.class).from(file.toString()))
        .named("retail").to(lake.processed("retail").partitionBy("country"))
        .onBadRows(BadRowPolicy.toRejectedZone()).run();

    assertThat(result.rowsIn()).isEqualTo(lines.size() - 1);
    assertThat(result.rowsWritten()).isEqualTo(lines.size() - 2);
    assertThat(result.reconciles()).isTrue();
    assertThat(result.badRows()).singleElement().satisfies(bad -> {
      assertThat(bad.position()).isEqualTo(file.toUri() + ":" + TOO_LONG_LINE);
      assertThat(bad.reason()).startsWith("partition value of country (300 characters) makes a directory name of "
          + "308 bytes, more than the 255 file systems take");
    });
    assertThat(countries(lake.read("retail").readAll())).isEqualTo(expected(lines));
    assertThat(directories(dir.resolve("lake/processed/retail"))).contains("country=Zürich", "country=a%2Fb",
        "country=x%3Dy", "country=100%25", "country=São Paulo \uD83D\uDE00",
        "country=%5F_HIVE_DEFAULT_PARTITION__", "country=%23%3F%2A%3A%5B%5D%5E%7B}%27", "country=..",
        "country=" + "é".repeat(50), "country=United Kingdom");
  }

  /** Rows per country, as the edited file holds them (the too long one left out). */
  static Map<String, Long> expected(List<byte[]> lines) {
    Map<String, Long> out = new HashMap<>();
    for (int i = 2; i <= lines.size(); i++) {
      if (i != TOO_LONG_LINE) {
        String line = BundledData.line(lines, i);
        out.merge(line.substring(line.lastIndexOf(',') + 1), 1L, Long::sum);
      }
    }
    return out;
  }

  static Map<String, Long> countries(List<GenericRecord> rows) {
    Map<String, Long> out = new HashMap<>();
    rows.forEach(r -> out.merge(String.valueOf(r.get("country")), 1L, Long::sum));
    return out;
  }

  static List<String> directories(Path dataset) throws Exception {
    try (Stream<Path> dirs = Files.list(dataset)) {
      return new ArrayList<>(dirs.map(p -> p.getFileName().toString()).toList());
    }
  }
}
