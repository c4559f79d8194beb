package dev.lake.internal.format;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.Compression;
import dev.lake.io.ObjectStore;
import dev.lake.io.WriteSpec;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** What JSON Lines and CSV share: whole-file gzip on write, and gzip detected from the content on read. */
final class TextFiles {
  private static final int BUFFER = 1 << 16;

  private TextFiles() {}

  /** True when the whole file is gzipped; fails for codecs that only Parquet and Avro support. */
  static boolean gzip(WriteSpec spec) {
    ValidationException.check(spec.compression() == Compression.GZIP || spec.compression() == Compression.NONE,
        "%s files are compressed as a whole with GZIP or not at all, not with %s: use Compression.GZIP or NONE",
        spec.format(), spec.compression());
    return spec.compression() == Compression.GZIP;
  }

  /** The object as UTF-8 text, gunzipped when it starts with the gzip magic number (whatever its name). */
  static BufferedReader open(ObjectStore store, URI uri) throws IOException {
    InputStream in = new BufferedInputStream(store.open(uri), BUFFER);
    try {
      if (ObjectOutput.isGzip(in)) {
        in = new GZIPInputStream(in, BUFFER);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }
}
