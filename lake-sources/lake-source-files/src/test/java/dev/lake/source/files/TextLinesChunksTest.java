package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lines handed over as ranges of one decoded read ({@link TextLines#advance}) are the lines the bytes hold: with a
 * 1 KiB buffer, so that reads end inside lines, inside {@code "\r\n"} and inside UTF-8 characters, a mix of ASCII
 * lines, UTF-8 lines and lines with invalid bytes reads back line by line with its terminator, byte count and, for
 * the invalid ones only, the reason; and CSV records cut from such ranges have the fields that were written, quoted
 * or not, also when a file has a single column (no delimiter to find).
 */
class TextLinesChunksTest {
  private static final String[] TERMINATORS = {"\n", "\r\n", "\r"};

  record Expected(String text, String terminator, int bytes, boolean malformed) {}

  @Test
  void linesAcrossSmallReads_areTheLinesWritten() throws Exception {
    Random random = new Random(21);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Expected> expected = new ArrayList<>();
    boolean afterCr = false;
    for (int n = 0; n < 3000; n++) {
      int kind = random.nextInt(20);
      String text = ascii(random, random.nextInt(kind == 0 ? 3000 : 120));
      byte[] bytes;
      if (kind == 1) {
        text = text + "é€" + ascii(random, 5);
        bytes = text.getBytes(StandardCharsets.UTF_8);
      } else if (kind == 2) {
        byte[] good = text.getBytes(StandardCharsets.UTF_8);
        bytes = new byte[good.length + 1];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xC3; // a UTF-8 lead byte without its continuation
        text = text + "\uFFFD";
      } else {
        bytes = text.getBytes(StandardCharsets.US_ASCII);
      }
      if (afterCr && bytes.length == 0) {
        text = "y"; // an empty line's "\n" after a "\r" would read as one "\r\n"
        bytes = text.getBytes(StandardCharsets.US_ASCII);
      }
      String terminator = n == 2999 ? "" : TERMINATORS[random.nextInt(kind == 3 ? 3 : 1)];
      afterCr = terminator.equals("\r");
      out.write(bytes);
      out.write(terminator.getBytes(StandardCharsets.US_ASCII));
      expected.add(new Expected(text, terminator, bytes.length + terminator.length(), kind == 2));
    }

    List<Expected> read = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    try (TextLines lines = new TextLines(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8, false,
        true, new byte[1024])) {
      while (lines.advance()) {
        TextLines.Line line = lines.current();
        assertThat(lines.text().substring(lines.from(), lines.to())).isEqualTo(line.text());
        read.add(new Expected(line.text(), line.terminator(), line.bytes(), line.malformed() != null));
        numbers.add(line.number());
      }
    }

    assertThat(read).containsExactlyElementsOf(expected);
    assertThat(numbers.get(numbers.size() - 1)).isEqualTo(expected.size());

    List<Expected> readOneByOne = new ArrayList<>(); // next(): each line decoded on its own, as JSON Lines reads them
    try (TextLines lines = new TextLines(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8, false,
        true, new byte[1024])) {
      for (TextLines.Line line; (line = lines.next()) != null; ) {
        readOneByOne.add(new Expected(line.text(), line.terminator(), line.bytes(), line.malformed() != null));
      }
    }
    assertThat(readOneByOne).containsExactlyElementsOf(expected);
  }

  @Test
  void csvRecordsFromSmallReads_haveTheFieldsWritten() throws Exception {
    for (int columns : new int[] {1, 2, 7}) {
      Random random = new Random(columns);
      StringBuilder csv = new StringBuilder();
      List<List<String>> expected = new ArrayList<>();
      for (int r = 0; r < 2000; r++) {
        List<String> fields = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          String value = ascii(random, random.nextInt(columns == 1 ? 40 : 15));
          boolean quoted = random.nextInt(5) == 0;
          if (quoted) {
            value = value + ",\"" + ascii(random, 3); // a delimiter and a quote inside quotes
          }
          if (columns == 1 && value.isEmpty()) {
            value = "v"; // an empty line is skipped, not a record
          }
          fields.add(value);
          line.append(c == 0 ? "" : ",").append(quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        expected.add(fields);
        csv.append(line).append(r % 3 == 0 ? "\r\n" : "\n");
      }
      List<List<String>> read = new ArrayList<>();
      try (TextLines lines = new TextLines(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
          StandardCharsets.UTF_8, false, true, new byte[1024])) {
        CsvRecords records = new CsvRecords(lines, ',', '"', false, 0);
        for (CsvRecords.Rec rec; (rec = records.next()) != null; ) {
          assertThat(rec.error()).isNull();
          read.add(rec.fields());
        }
      }
      assertThat(read).as("%d columns", columns).containsExactlyElementsOf(expected);
    }
  }

  /** Printable ASCII without the delimiter, the quote and line breaks. */
  private static String ascii(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      char c = (char) (' ' + random.nextInt(95));
      if (c != ',' && c != '"') {
        s.append(c);
      }
    }
    return s.toString();
  }
}
