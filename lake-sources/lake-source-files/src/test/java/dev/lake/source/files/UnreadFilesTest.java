package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of Online Retail day files as a user leaves it: two days the glob takes, a day saved as {@code .csv.bak},
 * notes, and the hidden files tools leave ({@code _SUCCESS}, {@code .DS_Store}). Each file the glob misses is a
 * {@code file not read} warning in the run report naming it; hidden files are not.
 */
class UnreadFilesTest {
  static final Path DAYS = BundledData.DATA.resolve("online_retail/by-day");

  @TempDir Path dir;

  private Path folder() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(DAYS.resolve("2010-12-01.csv.gz"), in.resolve("2010-12-01.csv.gz"));
    Files.copy(DAYS.resolve("2010-12-02.csv.gz"), in.resolve("2010-12-02.csv.gz"));
    Files.write(in.resolve("2010-12-03.csv.bak"), BundledData.gunzip(DAYS.resolve("2010-12-03.csv.gz")));
    Files.writeString(in.resolve("NOTES.txt"), "day files from the shop's export\n");
    Files.writeString(in.resolve("_SUCCESS"), "");
    Files.writeString(in.resolve(".DS_Store"), "");
    return in;
  }

  @Test
  void run_globMissesFiles_eachListedInTheRunReport() throws Exception {
    Path in = folder();
    Lake lake = Lake.at(dir.resolve("lake").toString());

    PipelineResult result = Pipeline.from(CsvSource.of(CsvQuotesTest.Sale.class).from(in + "/*.csv.gz"))
        .named("retail").to(lake.processed("retail")).run();

    assertThat(result.rowsWritten()).isEqualTo(result.rowsIn()).isPositive();
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.step()).isEqualTo("csv");
      assertThat(w.kind()).isEqualTo("file not read");
      assertThat(w.count()).isEqualTo(2);
      assertThat(w.examples()).satisfiesExactly(
          m -> assertThat(m).startsWith(in.resolve("2010-12-03.csv.bak").toUri().toString())
              .contains("(" + in + "/*.csv.gz does not match it)"),
          m -> assertThat(m).startsWith(in.resolve("NOTES.txt").toUri().toString()));
    });
  }

  @Test
  void run_anotherLocationTakesTheFile_onlyTheRestListed() throws Exception {
    Path in = folder();
    Lake lake = Lake.at(dir.resolve("lake").toString());

    PipelineResult result = Pipeline.from(CsvSource.of(CsvQuotesTest.Sale.class)
            .from(in + "/*.csv.gz", in + "/*.bak"))
        .named("retail").to(lake.processed("retail")).run();

    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.count()).isEqualTo(1);
      assertThat(w.examples().get(0)).startsWith(in.resolve("NOTES.txt").toUri().toString());
    });
    assertThat(result.splits()).isEqualTo(3);
    assertThat(result.reconciles()).isTrue();
  }
}
