package dev.lake.source.files;

import dev.lake.io.Decoding;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a text file, cut at {@code "\n"}, {@code "\r\n"} or {@code "\r"} on the bytes and decoded one by one,
 * so that bytes that are not valid in the charset cost only their line: such a line comes with the reason
 * ({@link Line#malformed}, "invalid UTF-8 at byte 7 of line 40") and its text with U+FFFD in their place, unless
 * {@code replace} was asked for (then the reason is null). A UTF-8 byte-order mark at the start is skipped.
 * Charsets that are not ASCII-compatible (UTF-16, UTF-32) are decoded as a whole instead: invalid input there fails
 * the file.
 *
 * <pre>{@code
 * try (TextLines lines = new TextLines(in, StandardCharsets.UTF_8, false, true)) {
 *   for (TextLines.Line l; (l = lines.next()) != null; ) { ... l.text() ... l.number() ... }
 * }
 * }</pre>
 */
final class TextLines implements Closeable {
  /**
   * One line.
   *
   * @param text the line without its terminator
   * @param number its 1-based line number
   * @param terminator {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or {@code ""} for a last line without one
   * @param bytes its length in bytes, terminator included
   * @param malformed null, or why its bytes are not valid text, with the byte and line
   */
  record Line(String text, long number, String terminator, int bytes, String malformed) {}

  private final InputStream in;
  private final Charset charset;
  private final boolean replace;
  private final BufferedReader chars;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] pending = new byte[256];
  private int pendingLength;
  private long number;
  private boolean started;
  private final boolean skipBom;

  /**
   * @param in the bytes (closed by {@link #close})
   * @param charset their charset
   * @param replace true to decode invalid bytes as U+FFFD without a reason
   * @param skipBom true at the start of a file (not of a byte range within it)
   */
  TextLines(InputStream in, Charset charset, boolean replace, boolean skipBom) {
    this.in = in;
    this.charset = charset;
    this.replace = replace;
    this.skipBom = skipBom && charset == StandardCharsets.UTF_8;
    this.chars = Decoding.asciiCompatible(charset) ? null : new BufferedReader(new InputStreamReader(in,
        charset.newDecoder().onMalformedInput(replace ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
            .onUnmappableCharacter(replace ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)), 1 << 16);
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    if (chars != null) {
      String text = chars.readLine();
      return text == null ? null : new Line(text, ++number, "\n", text.length() + 1, null);
    }
    if (!started) {
      started = true;
      fill();
      if (skipBom && limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB
          && buf[pos + 2] == (byte) 0xBF) {
        pos += 3;
      }
    }
    pendingLength = 0;
    int start = pos;
    while (true) {
      for (int i = pos; i < limit; i++) {
        byte b = buf[i];
        if (b != '\n' && b != '\r') {
          continue;
        }
        if (b == '\n') {
          pos = i + 1;
          return pendingLength == 0 ? line(buf, start, i - start, "\n") : lineOfPending(start, i, "\n");
        }
        if (i + 1 < limit) {
          boolean crlf = buf[i + 1] == '\n';
          pos = i + (crlf ? 2 : 1);
          return pendingLength == 0 ? line(buf, start, i - start, crlf ? "\r\n" : "\r")
              : lineOfPending(start, i, crlf ? "\r\n" : "\r");
        }
        append(start, i); // a '\r' that ends the buffer: look at the next byte before deciding
        pos = limit;
        boolean crlf = fill() && buf[pos] == '\n';
        if (crlf) {
          pos++;
        }
        return line(pending, 0, pendingLength, crlf ? "\r\n" : "\r");
      }
      append(start, limit);
      pos = limit;
      if (!fill()) {
        return pendingLength == 0 ? null : line(pending, 0, pendingLength, "");
      }
      start = pos;
    }
  }

  /** How many lines were read so far (the number of the last one). */
  long number() {
    return number;
  }

  private Line lineOfPending(int start, int end, String terminator) {
    append(start, end);
    return line(pending, 0, pendingLength, terminator);
  }

  private Line line(byte[] b, int off, int len, String terminator) {
    number++;
    int bytes = len + terminator.length();
    if (Decoding.isAscii(b, off, len)) {
      return new Line(new String(b, off, len, StandardCharsets.ISO_8859_1), number, terminator, bytes, null);
    }
    String text = new String(b, off, len, charset); // invalid bytes become U+FFFD
    if (replace || text.indexOf('\uFFFD') < 0 && charset == StandardCharsets.UTF_8) {
      return new Line(text, number, terminator, bytes, null);
    }
    int bad = Decoding.firstInvalid(b, off, len, charset);
    return new Line(text, number, terminator, bytes, bad < 0 ? null : Decoding.describe(charset, bad + 1, number));
  }

  private void append(int from, int to) {
    int n = to - from;
    if (pendingLength + n > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + n));
    }
    System.arraycopy(buf, from, pending, pendingLength, n);
    pendingLength += n;
  }

  /** Reads more bytes into the buffer from its start; false at the end of the input. */
  private boolean fill() throws IOException {
    pos = 0;
    limit = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    if (chars != null) {
      chars.close();
    } else {
      in.close();
    }
  }
}
