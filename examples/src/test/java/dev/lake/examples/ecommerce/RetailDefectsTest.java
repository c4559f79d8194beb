package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.Duck;
import dev.lake.examples.Printed;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ecommerce example on copies of two bundled Online Retail days, as a new user's files might be: in one, line 40
 * opens a quote it never closes and line 50 holds a byte that is not UTF-8; beside them, a notes file the glob does
 * not take. Those two lines are rejected with their reasons, every other line is written, the notes file is counted
 * as a warning.
 */
class RetailDefectsTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();

  @TempDir
  Path lake;

  @TempDir
  Path data;

  @Test
  void ecommerce_openQuoteAndInvalidUtf8_twoLinesRejectedEveryOtherWritten() throws Exception {
    Path byDay = Files.createDirectories(data.resolve("online_retail/by-day"));
    Files.copy(DATA.resolve("online_retail/by-day/2010-12-02.csv.gz"), byDay.resolve("2010-12-02.csv.gz"));
    byte[] day = gunzip(DATA.resolve("online_retail/by-day/2010-12-01.csv.gz"));
    List<String> lines = new ArrayList<>(Arrays.asList(new String(day, StandardCharsets.UTF_8).split("\n")));
    lines.set(39, lines.get(39).replace(",CHARLOTTE", ",\"CHARLOTTE"));
    String line50 = lines.get(49);
    int at = line50.indexOf("Kingdom");
    ByteArrayOutputStream edited = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      if (i == 49) {
        edited.writeBytes(line50.substring(0, at).getBytes(StandardCharsets.UTF_8));
        edited.write(0xC3); // a lead byte followed by 'K': not UTF-8
        edited.writeBytes(line50.substring(at).getBytes(StandardCharsets.UTF_8));
      } else {
        edited.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
      }
      edited.write('\n');
    }
    Path file = byDay.resolve("2010-12-01.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(edited.toByteArray());
    }
    Files.writeString(byDay.resolve("NOTES.txt"), "exported from the shop, December 2010\n");
    long total = lines.size() - 1 + lineCount(byDay.resolve("2010-12-02.csv.gz")) - 1;

    String out = Printed.byExample("ecommerce", "--lake", lake.toString(), "--data", data.toString());

    assertThat(out).contains(String.format("%,d in, %,d written, 2 rejected", total, total - 2))
        .contains("warnings: 1 file not read (csv)");
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(lake.resolve("processed/online_retail"))))
          .isEqualTo(total - 2);
      List<List<Object>> rejected = duck.query("SELECT position, reason FROM read_json_auto('"
          + lake.resolve("rejected/online_retail") + "/**/*.jsonl.gz') ORDER BY position");
      assertThat(rejected).hasSize(2);
      assertThat(rejected.get(0).get(0).toString()).isEqualTo(file.toUri() + ":40");
      assertThat(rejected.get(0).get(1).toString()).startsWith("Unterminated quote in field 3 at line 40");
      assertThat(rejected.get(1).get(0).toString()).isEqualTo(file.toUri() + ":50");
      assertThat(rejected.get(1).get(1).toString())
          .isEqualTo("invalid UTF-8 at byte " + (at + 1) + " of line 50");
    }
  }

  private static long lineCount(Path gz) throws Exception {
    return new String(gunzip(gz), StandardCharsets.UTF_8).lines().count();
  }

  private static byte[] gunzip(Path gz) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
