package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.SourceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large uncompressed CSV and JSON Lines files split into byte ranges: every line read exactly once. */
class ByteRangeSplitTest {
  @TempDir Path dir;

  /** Lines of many lengths: empty ones, CRLF ones, and one much longer than the small ranges below. */
  static String text() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      b.append("line ").append(i).append(" ").append("x".repeat(i % 17));
      b.append(i % 13 == 0 ? "\r\n" : "\n");
      if (i % 29 == 0) {
        b.append("\n");
      }
    }
    b.append("y".repeat(300)).append('\n').append("last line without a break");
    return b.toString();
  }

  @Test
  void lineRanges_everySplitSize_readEveryByteOnceAtLineBoundaries() throws IOException {
    byte[] bytes = text().getBytes(StandardCharsets.UTF_8);
    for (int size = 1; size <= bytes.length + 1; size += size < 40 ? 1 : 37) {
      StringBuilder joined = new StringBuilder();
      for (long start = 0; start < bytes.length; start += size) {
        long end = Math.min(bytes.length, start + size);
        long from = Math.max(0, start - 1);
        InputStream in = new ByteArrayInputStream(bytes, (int) from, bytes.length - (int) from);
        String range = new String(LineRangeInputStream.open(in, start, end).readAllBytes(), StandardCharsets.UTF_8);
        if (!range.isEmpty()) {
          assertThat(joined.length() == 0 || joined.charAt(joined.length() - 1) == '\n')
              .as("range %s-%s of size %s starts at a line start", start, end, size).isTrue();
        }
        joined.append(range);
      }
      assertThat(joined.toString()).as("split size %s", size).isEqualTo(text());
    }
  }

  static String csv(int rows) {
    StringBuilder b = new StringBuilder(CsvSourceTest.HEADER);
    for (int i = 0; i < rows; i++) {
      b.append(536365 + i / 7).append(",SKU").append(i).append(",\"ITEM ").append(i).append(", SIZE ")
          .append(i % 5).append("\",").append(i % 40 + 1).append(",2010-12-01 08:").append(10 + i % 50)
          .append(":00,").append(i % 100).append(".25,").append(i % 3 == 0 ? "" : "17850.0")
          .append(",United Kingdom\n");
    }
    return b.toString();
  }

  @Test
  void csv_withSplitSize_readsTheSameRowsAsOneSplit() throws IOException {
    Path file = Collecting.write(dir.resolve("big.csv"), csv(3_000));
    CsvSource<GenericRecord> whole = CsvSource.generic().from(file.toString());
    CsvSource<GenericRecord> ranged = whole.withSplitSize(8_192);

    List<CsvSource<GenericRecord>> splits = ranged.split(SourceContext.standalone());
    List<String> rows = new ArrayList<>();
    Collecting ctx = new Collecting();
    for (CsvSource<GenericRecord> split : splits) {
      ctx.read(split).forEach(r -> rows.add(r.toString()));
    }

    assertThat(splits).hasSize((int) ((Files.size(file) + 8_191) / 8_192));
    assertThat(rows).isEqualTo(new Collecting().read(whole).stream().map(Object::toString).toList());
    assertThat(rows).hasSize(3_000);
    assertThat(ctx.rejected).isEmpty();
    assertThat(ctx.positions.get(ctx.positions.size() - 1)).startsWith(file.toUri() + "[bytes ");
    assertThat(splits.get(1).id()).isNotEqualTo(splits.get(2).id()).contains("#8192-16384");
  }

  @Test
  void csv_badRowInALaterRange_isRejectedWithItsRangeAndLine() throws IOException {
    String text = csv(1_000).replace("\n536400,SKU245,", "\n536400,SKU245,\"broken\",");
    Path file = Collecting.write(dir.resolve("bad.csv"), text);
    List<CsvSource<GenericRecord>> splits = CsvSource.generic().withSchema(CsvSourceTest.saleSchema())
        .from(file.toString()).withSplitSize(4_096).split(SourceContext.standalone());

    Collecting ctx = new Collecting();
    long rows = 0;
    for (CsvSource<GenericRecord> split : splits) {
      rows += ctx.read(split).size();
    }

    assertThat(rows).isEqualTo(999);
    assertThat(ctx.rejected).hasSize(1);
    assertThat(ctx.rejected.get(0).reason()).contains("Expected 8 fields but found 9");
    assertThat(ctx.rejected.get(0).position()).matches(java.util.regex.Pattern.quote(file.toUri().toString())
        + "\\[bytes \\d+-\\d+\\]:\\d+");
    assertThat(ctx.rejected.get(0).value()).startsWith("536400,SKU245,\"broken\",");
  }

  @Test
  void jsonLines_splitIntoRanges_readsEveryObjectOnce_butDocumentsAndGzipStayWhole() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      b.append("{\"id\":").append(i).append(",\"name\":\"user ").append(i).append("\",\"tags\":[")
          .append(i % 4).append("]}\n");
    }
    Path lines = Collecting.write(dir.resolve("events.json"), b.toString());
    Path gz = Collecting.gzip(dir.resolve("gz/events.json.gz"), b.toString());
    JsonSource<GenericRecord> declared = JsonSource.generic().from(lines.toString()).jsonLines().withSplitSize(5_000);

    List<JsonSource<GenericRecord>> splits = declared.split(SourceContext.standalone());
    List<Object> ids = new ArrayList<>();
    for (JsonSource<GenericRecord> split : splits) {
      new Collecting().read(split).forEach(r -> ids.add(r.get("id")));
    }

    assertThat(splits).hasSize((int) ((Files.size(lines) + 4_999) / 5_000));
    assertThat(ids).hasSize(2_000).doesNotHaveDuplicates();
    assertThat(ids.get(1_999)).isEqualTo(1_999L);
    assertThat(JsonSource.generic().from(lines.toString()).withSplitSize(5_000).split(SourceContext.standalone()))
        .as("detected, not declared, JSON Lines").hasSize(1);
    assertThat(JsonSource.generic().from(gz.toString()).jsonLines().withSplitSize(5_000)
        .split(SourceContext.standalone())).as("gzip").hasSize(1);
  }

  @Test
  void withSplitSize_zeroReadsWholeFiles_negativeFailsNamingTheCall() throws IOException {
    Path file = Collecting.write(dir.resolve("big.csv"), csv(500));

    assertThat(CsvSource.generic().from(file.toString()).withSplitSize(0).split(SourceContext.standalone()))
        .hasSize(1);
    assertThat(CsvSource.generic().from(file.toString()).split(SourceContext.standalone())).as("default").hasSize(1);
    assertThatThrownBy(() -> CsvSource.generic().withSplitSize(-1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("withSplitSize(-1)");
  }
}
