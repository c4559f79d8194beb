package dev.lake.source.files;

import dev.lake.exceptions.SourceException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.avro.generic.GenericRecord;

/**
 * Opening input files (gunzipping {@code .gz}, cutting byte ranges at line breaks) with failures named for the file;
 * checks shared by both sources.
 */
final class Inputs {
  private Inputs() {}

  static InputStream open(FileRef file, String connector) {
    return open(file, connector, null);
  }

  /**
   * As {@link #open(FileRef, String)}, a gzip file inflated through {@code gzipBuffer} (its compressed bytes' buffer)
   * when not null: a reader that opens file after file keeps one such buffer instead of allocating 64 KiB per file.
   * The buffer must not be used by another open stream.
   */
  static InputStream open(FileRef file, String connector, byte[] gzipBuffer) {
    try {
      ObjectStore store = ObjectStores.forUri(file.toUri());
      if (file.isRange()) {
        // From the byte before the range (to see whether a line starts at its first byte) to the end of the file: the
        // range's last line may run past its end. Reading stops at that line's break.
        long from = Math.max(0, file.start() - 1);
        InputStream in = new BufferedInputStream(store.open(file.toUri(), from, file.size() - from), 1 << 16);
        return LineRangeInputStream.open(in, file.start(), file.end());
      }
      InputStream in = store.open(file.toUri());
      if (!file.isGzip()) {
        return in;
      }
      return gzipBuffer == null ? new GZIPInputStream(in, 1 << 16) : new BufferedGzip(in, gzipBuffer);
    } catch (FileNotFoundException e) {
      throw new SourceException(connector, "Cannot read " + file.uri()
          + ": the file no longer exists (it was listed before reading); run again to list the files afresh", e);
    } catch (IOException e) {
      throw failure(connector, file.uri(), e);
    }
  }

  /**
   * A failure to read {@code where} (a file, or file:line). A gzip file that ends too early or holds corrupt data
   * says so in words, with the fix; the runner adds that nothing was committed.
   */
  static SourceException failure(String connector, String where, Exception e) {
    Throwable cause = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String gzip = gzipProblem(cause);
    if (gzip != null) {
      return new SourceException(connector, "Cannot read " + where + ": " + gzip + ". Re-upload the file, or move it "
          + "aside (out of the source's locations) to read the others", e);
    }
    return new SourceException(connector, "Cannot read " + where + ": " + e.getMessage(), e);
  }

  /** What is wrong with gzip input, in words, or null when {@code e} is not a gzip problem. */
  static String gzipProblem(Throwable e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.io.EOFException) {
      return "the gzip file is truncated: it ends in the middle of its compressed data (" + detail + ")";
    }
    if (e instanceof java.util.zip.ZipException) {
      return "Not in GZIP format".equals(e.getMessage()) ? "the file is named .gz but is not gzip data"
          : "the gzip data is corrupt (" + detail + ")";
    }
    return null;
  }

  /** Row classes must be Java records or Avro generic records. */
  static <T> Class<T> checkType(Class<T> type, String source) {
    ValidationException.check(type != null, "%s.of(type): the row type is required, e.g. %s.of(Sale.class)",
        source, source);
    ValidationException.check(type.isRecord() || GenericRecord.class.isAssignableFrom(type),
        "%s.of(%s.class): rows must be Java records; for Avro generic rows use %s.generic()", source,
        type.getSimpleName(), source);
    return type;
  }

  /**
   * A {@code GZIPInputStream} whose compressed-input buffer is the caller's: the header is read from the stream itself
   * in the constructor, so the one-byte buffer given to it is replaced before any data is read.
   */
  private static final class BufferedGzip extends GZIPInputStream {
    BufferedGzip(InputStream in, byte[] buffer) throws IOException {
      super(in, 1);
      buf = buffer;
    }
  }
}
