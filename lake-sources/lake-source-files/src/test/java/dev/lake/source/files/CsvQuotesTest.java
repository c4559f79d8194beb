package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.BadRow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotes left open in a real Online Retail day file (2010-12-01: 3,108 rows; its first quoted field is on line 111,
 * its last on line 3067), read line by line by default and with {@code multiLine()}.
 */
class CsvQuotesTest {
  static final String DAY = "2010-12-01";
  static final int LAST = 3109;

  @TempDir Path dir;

  record Sale(String invoiceNo, String stockCode, String description, int quantity, Instant invoiceDate,
      double unitPrice, Long customerId, String country) {}

  /** The day's lines with line 40's description opened by a quote that never closes on its line. */
  static List<byte[]> quoteOpenAtLine40() {
    List<byte[]> lines = BundledData.retailDay(DAY);
    String line40 = BundledData.line(lines, 40);
    assertThat(line40).startsWith("536370,22661,CHARLOTTE BAG DOLLY GIRL DESIGN,");
    return BundledData.replace(lines, 40, line40.replace(",CHARLOTTE", ",\"CHARLOTTE"));
  }

  @Test
  void open_quoteLeftOpenAtLine40_rejectsThatLineOnlyAndReadsEveryOther() throws Exception {
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv.gz"), quoteOpenAtLine40());
    Collecting ctx = new Collecting();

    List<Sale> rows = ctx.read(CsvSource.of(Sale.class).from(file.toString()));

    assertThat(ctx.positions).isEqualTo(BundledData.positions(file, 2, LAST, 40));
    assertThat(rows).hasSize(3107);
    assertThat(ctx.rejected).containsExactly(BadRow.of("csv", "Unterminated quote in field 3 at line 40: the line "
        + "ends inside a quoted field (quotes inside a field are doubled; CsvSource.multiLine() reads line breaks "
        + "inside quotes)", file.toUri() + ":40", BundledData.line(quoteOpenAtLine40(), 40)));
  }

  @Test
  void run_quoteLeftOpenAtLine40_everyLineWrittenOrRejectedOnce() throws Exception {
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv.gz"), quoteOpenAtLine40());
    Lake lake = Lake.at(dir.resolve("lake").toString());

    PipelineResult result = Pipeline.from(CsvSource.of(Sale.class).from(file.toString())).named("retail")
        .to(lake.processed("retail")).onBadRows(BadRowPolicy.toRejectedZone()).run();

    assertThat(result.rowsIn()).isEqualTo(LAST - 1);
    assertThat(result.rowsWritten()).isEqualTo(LAST - 2);
    assertThat(result.rowsRejected()).isEqualTo(1);
    assertThat(result.reconciles()).isTrue();
    assertThat(result.badRows()).singleElement().satisfies(bad -> {
      assertThat(bad.position()).isEqualTo(file.toUri() + ":40");
      assertThat(bad.reason()).startsWith("Unterminated quote in field 3 at line 40");
    });
  }

  @Test
  void open_multiLineQuoteClosedAtLine111_oneBadRecordNamingTheSpan() throws Exception {
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv.gz"), quoteOpenAtLine40());
    Collecting ctx = new Collecting();

    List<Sale> rows = ctx.read(CsvSource.of(Sale.class).multiLine().from(file.toString()));

    int[] swallowed = java.util.stream.IntStream.rangeClosed(40, 111).toArray();
    assertThat(ctx.positions).isEqualTo(BundledData.positions(file, 2, LAST, swallowed));
    assertThat(rows).hasSize(LAST - 1 - 72);
    assertThat(ctx.rejected).singleElement().satisfies(bad -> {
      assertThat(bad.position()).isEqualTo(file.toUri() + ":40");
      assertThat(bad.reason()).isEqualTo("Expected 8 fields but found 9 (a quoted field holds line breaks: the "
          + "record spans lines 40-111)");
    });
  }

  @Test
  void open_multiLineQuoteLongerThanLimit_rejectsOpeningLineAndReadsTheRestAgain() throws Exception {
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv.gz"), quoteOpenAtLine40());
    Collecting ctx = new Collecting();

    List<Sale> rows = ctx.read(CsvSource.of(Sale.class).multiLine(4096).from(file.toString()));

    assertThat(ctx.positions).isEqualTo(BundledData.positions(file, 2, LAST, 40));
    assertThat(rows).hasSize(LAST - 2);
    assertThat(ctx.rejected).singleElement().satisfies(bad -> {
      assertThat(bad.position()).isEqualTo(file.toUri() + ":40");
      assertThat(bad.reason()).isEqualTo("Unterminated quote in field 3 opened at line 40: the quoted field runs "
          + "past 4,096 bytes without closing (the multiLine limit); the lines after it are read again");
    });
  }

  @Test
  void open_multiLineQuoteOpenAtEndOfFile_rejectsOpeningLineAndReadsTheRestAgain() throws Exception {
    List<byte[]> lines = BundledData.retailDay(DAY);
    String line3070 = BundledData.line(lines, 3070);
    assertThat(line3070).doesNotContain("\"");
    int comma = line3070.indexOf(',', line3070.indexOf(',') + 1);
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv"),
        BundledData.replace(lines, 3070, line3070.substring(0, comma + 1) + "\"" + line3070.substring(comma + 1)));
    Collecting ctx = new Collecting();

    List<Sale> rows = ctx.read(CsvSource.of(Sale.class).multiLine().from(file.toString()));

    assertThat(ctx.positions).isEqualTo(BundledData.positions(file, 2, LAST, 3070));
    assertThat(rows).hasSize(LAST - 2);
    assertThat(ctx.rejected).singleElement().satisfies(bad -> {
      assertThat(bad.position()).isEqualTo(file.toUri() + ":3070");
      assertThat(bad.reason()).isEqualTo("Unterminated quote in field 3 opened at line 3070: the quoted field is "
          + "still open at the end of the file; the lines after it are read again");
    });
  }

  @Test
  void open_multiLineDescriptionWithLineBreak_oneRowHoldingTheBreak() throws Exception {
    List<byte[]> lines = BundledData.retailDay(DAY);
    String broken = BundledData.line(lines, 40).replace(",CHARLOTTE BAG DOLLY GIRL DESIGN,",
        ",\"CHARLOTTE BAG\nDOLLY GIRL DESIGN\",");
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv.gz"), BundledData.replace(lines, 40, broken));
    Collecting ctx = new Collecting();

    List<Sale> rows = ctx.read(CsvSource.of(Sale.class).multiLine().from(file.toString()));

    assertThat(ctx.rejected).isEmpty();
    assertThat(rows).hasSize(LAST - 1);
    assertThat(rows.get(38).description()).isEqualTo("CHARLOTTE BAG\nDOLLY GIRL DESIGN");
    assertThat(ctx.positions.subList(37, 40))
        .containsExactly(file.toUri() + ":39", file.toUri() + ":40", file.toUri() + ":42");
  }

  @Test
  void open_everyBundledRetailDay_readsEveryLineWithoutRejecting() throws Exception {
    Collecting ctx = new Collecting();
    long rows = 0;
    try (var reader = CsvSource.of(Sale.class).from(BundledData.DATA + "/online_retail/by-day/*.csv.gz").open(ctx)) {
      while (reader.hasNext()) {
        reader.next();
        rows++;
      }
    }

    assertThat(rows).isEqualTo(541_909);
    assertThat(ctx.rejected).isEmpty();
  }
}
