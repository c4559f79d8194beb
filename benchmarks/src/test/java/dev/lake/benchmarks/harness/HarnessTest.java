package dev.lake.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessTest {
  @TempDir
  Path dir;

  @Test
  void compare_runsWarmupsThenInterleaved_andWritesEveryMeasurement() throws Exception {
    List<String> calls = new ArrayList<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path csvFile = dir.resolve("results/run.csv");
    Harness.Summary summary;
    try (ResultsCsv csv = ResultsCsv.create(csvFile)) {
      Harness h = new Harness(csv, new PrintStream(printed, true, StandardCharsets.UTF_8), dir.resolve("work"));
      summary = h.compare(Comparison.of("demo", "two contenders")
          .variant("lake", (clock, work) -> {
            calls.add("lake");
            assertThat(work).isDirectory().isEmptyDirectory();
            clock.set(1.0);
            return Outcome.rows(100).withExtra("note=a,b");
          })
          .variant("other", (clock, work) -> {
            calls.add("other");
            clock.set(calls.size() == 4 ? 2.0 : 4.0); // measured runs: 2 s, 4 s, 4 s -> median 4
            return Outcome.rows(100);
          })
          .warmups(1)
          .runs(3));
    }

    assertThat(calls).containsExactly("lake", "other", "lake", "other", "lake", "other", "lake", "other");
    assertThat(summary.medianSeconds()).containsEntry("lake", 1.0).containsEntry("other", 4.0);
    assertThat(summary.ratios()).containsEntry("other", 0.25);
    try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csvFile)) {
      List<CsvRecord> rows = r.stream().toList();
      assertThat(rows.get(0).getFields())
          .containsExactly("benchmark", "variant", "run", "seconds", "rows", "bytes", "extra");
      assertThat(rows).hasSize(1 + 8);
      assertThat(rows.get(1).getFields()).startsWith("demo", "lake", "0", "1.0000", "100", "0");
      assertThat(rows.get(1).getField(6)).startsWith("note=a,b;load=").endsWith(";warm-up");
      assertThat(rows.get(8).getFields()).startsWith("demo", "other", "3", "4.0000");
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("lake/other 0.25");
    assertThat(dir.resolve("work")).isEmptyDirectory();
  }

  @Test
  void compare_failingTrial_failsTheComparisonAndCleansUp() throws Exception {
    try (ResultsCsv csv = ResultsCsv.create(dir.resolve("r.csv"))) {
      Harness h = new Harness(csv, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          dir.resolve("work"));
      Comparison c = Comparison.of("broken", "x").variant("lake", (clock, work) -> {
        Files.writeString(work.resolve("partial"), "x");
        throw new IllegalStateException("lake wrote 1 rows, expected 2");
      }).warmups(0).runs(1);

      assertThatThrownBy(() -> h.compare(c)).hasMessage("lake wrote 1 rows, expected 2");
    }
    assertThat(dir.resolve("work")).isEmptyDirectory();
  }

  @Test
  void clock_restartAndStop_timeOnlyTheSpanBetween() throws Exception {
    Clock clock = new Clock();
    Thread.sleep(50);
    clock.restart();
    clock.stop();
    double stopped = clock.seconds();
    Thread.sleep(20);

    assertThat(stopped).isLessThan(0.05);
    assertThat(clock.seconds()).isEqualTo(stopped);
  }

  @Test
  void settings_parse_quickRunsOnly() {
    Settings s = Settings.parse(new String[] {"--quick", "--only", "sparkify,lambda", "--data", dir.toString()});

    assertThat(s.quick()).isTrue();
    assertThat(s.runs(5, 1)).isEqualTo(1);
    assertThat(s.selected("sparkify")).isTrue();
    assertThat(s.selected("dynamodb")).isFalse();
    assertThat(Settings.parse(new String[] {"--runs", "7", "--data", dir.toString()}).runs(5, 1)).isEqualTo(7);
  }

  @Test
  void settings_parse_badInput_namesTheOptionAndPosition() {
    assertThatThrownBy(() -> Settings.parse(new String[] {"--quick", "--fast"}))
        .hasMessageContaining("Unknown option '--fast' at position 2");
    assertThatThrownBy(() -> Settings.parse(new String[] {"--runs", "0", "--data", "."}))
        .hasMessageContaining("--runs must be at least 1 but was 0");
    assertThatThrownBy(() -> Settings.parse(new String[] {"--only"}))
        .hasMessageContaining("--only needs a value");
  }
}
