package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes that are not UTF-8 in copies of real files: an Online Retail day (CSV), a day of Sparkify events (JSON
 * Lines) and an API-Football response (a pretty-printed JSON document). Each is a bad row naming the byte and the
 * line, unless {@code replaceMalformedInput()} is asked for.
 */
class MalformedInputTest {
  @TempDir Path dir;

  /** {@code text} with its first {@code target} replaced by {@code before}, byte 0xC3, then '(' and the rest. */
  static byte[] withInvalidByte(String text, String target) {
    int at = text.indexOf(target);
    assertThat(at).isNotNegative();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.write(0xC3); // a lead byte followed by '(': never valid UTF-8
    out.writeBytes(("(" + text.substring(at)).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The 1-based byte of {@code target} in {@code text}'s UTF-8: where {@link #withInvalidByte} puts the bad byte. */
  static int byteOf(String text, String target) {
    return text.substring(0, text.indexOf(target)).getBytes(StandardCharsets.UTF_8).length + 1;
  }

  @Test
  void run_csvLineWithInvalidUtf8_rejectedNamingByteAndLine() throws Exception {
    List<byte[]> lines = BundledData.retailDay("2010-12-01");
    String line50 = BundledData.line(lines, 50);
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv.gz"),
        BundledData.replace(lines, 50, withInvalidByte(line50, "Kingdom")));
    Lake lake = Lake.at(dir.resolve("lake").toString());

    PipelineResult result = Pipeline.from(CsvSource.of(CsvQuotesTest.Sale.class).from(file.toString()))
        .named("retail").to(lake.processed("retail")).onBadRows(BadRowPolicy.toRejectedZone()).run();

    assertThat(result.rowsIn()).isEqualTo(3108);
    assertThat(result.rowsWritten()).isEqualTo(3107);
    assertThat(result.reconciles()).isTrue();
    assertThat(result.badRows()).singleElement().satisfies(bad -> {
      assertThat(bad.reason()).isEqualTo("invalid UTF-8 at byte " + byteOf(line50, "Kingdom") + " of line 50");
      assertThat(bad.position()).isEqualTo(file.toUri() + ":50");
      assertThat(bad.value()).endsWith(",United \uFFFD(Kingdom");
    });
  }

  @Test
  void open_csvReplaceMalformedInput_readsTheLineWithReplacementCharacter() throws Exception {
    List<byte[]> lines = BundledData.retailDay("2010-12-01");
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv.gz"),
        BundledData.replace(lines, 50, withInvalidByte(BundledData.line(lines, 50), "Kingdom")));
    Collecting ctx = new Collecting();

    List<CsvQuotesTest.Sale> rows =
        ctx.read(CsvSource.of(CsvQuotesTest.Sale.class).replaceMalformedInput().from(file.toString()));

    assertThat(ctx.rejected).isEmpty();
    assertThat(rows).hasSize(3108);
    assertThat(rows.get(48).country()).isEqualTo("United \uFFFD(Kingdom");
  }

  record Event(String artist, String page, long ts, String userId) {}

  @Test
  void open_jsonLineWithInvalidUtf8_rejectsThatLineOnly() throws Exception {
    List<byte[]> lines = BundledData.lines(BundledData.gunzipOrRead(
        BundledData.DATA.resolve("sparkify/log_data/2018/11/2018-11-30-events.json")));
    String line100 = BundledData.line(lines, 100);
    Path file = BundledData.write(dir.resolve("events.json"),
        BundledData.replace(lines, 100, withInvalidByte(line100, "Logged")));
    Collecting ctx = new Collecting();

    List<Event> rows = ctx.read(JsonSource.of(Event.class).from(file.toString()));

    assertThat(rows).hasSize(lines.size() - 1);
    assertThat(ctx.positions).isEqualTo(BundledData.positions(file, 1, lines.size(), 100));
    assertThat(ctx.rejected).singleElement().satisfies(bad -> {
      assertThat(bad.reason()).isEqualTo("invalid UTF-8 at byte " + byteOf(line100, "Logged") + " of line 100");
      assertThat(bad.position()).isEqualTo(file.toUri() + ":100");
    });
  }

  record Envelope(String get, long results) {}

  @Test
  void open_jsonDocumentWithInvalidUtf8_rejectsTheFileNamingByteAndLine() throws Exception {
    Path original = BundledData.DATA.resolve(
        "api_football/fixtures/fixtures_league39_season2020_from2020-12-11_to2020-12-18.json");
    List<byte[]> lines = BundledData.lines(BundledData.gunzipOrRead(original));
    String line40 = BundledData.line(lines, 40);
    assertThat(line40).contains("\"England\"");
    Path file = BundledData.write(dir.resolve("fixtures.json"),
        BundledData.replace(lines, 40, withInvalidByte(line40, "England")));
    Collecting ctx = new Collecting();

    List<Envelope> rows = ctx.read(JsonSource.of(Envelope.class).from(file.toString()));

    assertThat(rows).isEmpty();
    assertThat(ctx.rejected).singleElement().satisfies(bad -> {
      assertThat(bad.position()).isEqualTo(file.toUri() + ":1");
      assertThat(bad.reason()).startsWith("invalid UTF-8 at byte " + byteOf(line40, "England") + " of line 40 (")
          .endsWith("; the rest of the file, from line 1, is not read (this bad row holds it)");
      assertThat(bad.value()).startsWith("{\n  \"get\": \"fixtures\",").hasLineCount(lines.size());
    });
  }

  @Test
  void open_jsonDocumentIntact_readsItWhole() throws Exception {
    Path original = BundledData.DATA.resolve(
        "api_football/fixtures/fixtures_league39_season2020_from2020-12-11_to2020-12-18.json");

    List<Envelope> rows = new Collecting().read(JsonSource.of(Envelope.class).from(original.toString()));

    assertThat(rows).containsExactly(new Envelope("fixtures", 20));
  }
}
