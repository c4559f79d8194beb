package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.exceptions.SourceException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Online Retail day file cut short (as an interrupted upload leaves it), and one named .gz that is not gzip:
 * the run fails naming the file, the line it reached, the cause in words and the fix, and commits nothing.
 */
class GzipDamageTest {
  @TempDir Path dir;

  /** The number of the line being read when gunzipping {@code gzip} fails: complete lines + 1. */
  static long lineWhereItBreaks(byte[] gzip) throws IOException {
    long lines = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      for (int b; (b = in.read()) >= 0; ) {
        if (b == '\n') {
          lines++;
        }
      }
    } catch (EOFException expected) {
      return lines + 1;
    }
    throw new AssertionError("the cut file was read to its end");
  }

  @Test
  void run_truncatedGzip_failsNamingFileLineCauseAndFixNothingCommitted() throws Exception {
    byte[] whole = Files.readAllBytes(BundledData.DATA.resolve("online_retail/by-day/2010-12-01.csv.gz"));
    byte[] cut = Arrays.copyOf(whole, whole.length * 3 / 5);
    Files.createDirectories(dir.resolve("in"));
    Path file = Files.write(dir.resolve("in/2010-12-01.csv.gz"), cut); // the gzip bytes as they are
    Lake lake = Lake.at(dir.resolve("lake").toString());
    var pipeline = Pipeline.from(CsvSource.of(CsvQuotesTest.Sale.class).from(file.toString())).named("retail")
        .to(lake.processed("retail")).onBadRows(BadRowPolicy.toRejectedZone());

    assertThatThrownBy(pipeline::run).isInstanceOf(SourceException.class)
        .hasMessage("Cannot read " + file.toUri() + ":" + lineWhereItBreaks(cut) + ": the gzip file is truncated: "
            + "it ends in the middle of its compressed data (Unexpected end of ZLIB input stream). Re-upload the "
            + "file, or move it aside (out of the source's locations) to read the others. Nothing was committed: "
            + "the next run reads the same input again.");
    assertThat(lake.latest("processed/retail")).isEmpty();
  }

  @Test
  void open_plainTextNamedGz_failsSayingItIsNotGzip() throws Exception {
    Path file = BundledData.write(dir.resolve("in/2010-12-01.csv.gz.part"),
        BundledData.gunzip(BundledData.DATA.resolve("online_retail/by-day/2010-12-01.csv.gz")));
    Path named = Files.move(file, dir.resolve("in/2010-12-01.csv.gz"));

    assertThatThrownBy(() -> new Collecting().read(CsvSource.of(CsvQuotesTest.Sale.class).from(named.toString())))
        .isInstanceOf(SourceException.class)
        .hasMessage("Cannot read " + named.toUri() + ": the file is named .gz but is not gzip data. Re-upload the "
            + "file, or move it aside (out of the source's locations) to read the others");
  }
}
