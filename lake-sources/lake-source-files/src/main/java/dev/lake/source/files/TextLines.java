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
 *
 * <p>{@link #advance} reads a line without making a {@code String} or a {@link Line} for it: when the bytes read at
 * once (64 KiB) are all ASCII they are decoded as one {@code String}, and a line inside them is a range of it
 * ({@link #text}, {@link #from}, {@link #to}); a line that is not, or that spans two reads, gets its own text, decoded
 * and checked as {@link #next} does.
 *
 * <pre>{@code
 * try (TextLines lines = new TextLines(in, StandardCharsets.UTF_8, false, true)) {
 *   for (TextLines.Line l; (l = lines.next()) != null; ) { ... l.text() ... l.number() ... }
 *   // or: while (lines.advance()) { ... lines.text().substring(lines.from(), lines.to()) ... }
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
  private final byte[] buf;
  private int pos;
  private int limit;
  private byte[] pending = new byte[256];
  private int pendingLength;
  private long number;
  private boolean started;
  private final boolean skipBom;
  // the line advance() read last: text's characters from..to, and what a Line holds besides
  private String text;
  private int from;
  private int to;
  private String terminator;
  private int bytes;
  private String malformed;
  // the bytes of the last read as one String, when all ASCII, from buf[chunkStart]; tried once per read
  private String chunk;
  private int chunkStart;
  private boolean chunkTried;

  /**
   * @param in the bytes (closed by {@link #close})
   * @param charset their charset
   * @param replace true to decode invalid bytes as U+FFFD without a reason
   * @param skipBom true at the start of a file (not of a byte range within it)
   */
  TextLines(InputStream in, Charset charset, boolean replace, boolean skipBom) {
    this(in, charset, replace, skipBom, new byte[1 << 16]);
  }

  /**
   * As above, reading through {@code buffer} (at least 1 KiB; a reader of file after file passes the same one each
   * time, never to two open {@code TextLines}).
   */
  TextLines(InputStream in, Charset charset, boolean replace, boolean skipBom, byte[] buffer) {
    this.in = in;
    this.buf = buffer;
    this.charset = charset;
    this.replace = replace;
    this.skipBom = skipBom && charset == StandardCharsets.UTF_8;
    this.chars = Decoding.asciiCompatible(charset) ? null : new BufferedReader(new InputStreamReader(in,
        charset.newDecoder().onMalformedInput(replace ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
            .onUnmappableCharacter(replace ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)), 1 << 16);
  }

  /** The next line, or null at the end of the input (its text decoded on its own, not cut from a read's text). */
  Line next() throws IOException {
    return read(false) ? current() : null;
  }

  /** The line {@link #advance} read last, as a {@link Line} (its text a {@code String} of its own). */
  Line current() {
    String own = from == 0 && to == text.length() ? text : text.substring(from, to);
    return new Line(own, number, terminator, bytes, malformed);
  }

  /** The text the last line is the range {@link #from}..{@link #to} of (more than that line when it is a chunk's). */
  String text() {
    return text;
  }

  int from() {
    return from;
  }

  int to() {
    return to;
  }

  /** Null, or why the last line's bytes are not valid text ({@link Line#malformed}). */
  String malformed() {
    return malformed;
  }

  /** Reads the next line (see {@link #text}, {@link #number}, {@link #malformed}); false at the end of the input. */
  boolean advance() throws IOException {
    return read(true);
  }

  /** Reads the next line; with {@code ranges}, as a range of its read's text when that is all ASCII. */
  private boolean read(boolean ranges) throws IOException {
    if (chars != null) {
      String line = chars.readLine();
      if (line == null) {
        return false;
      }
      set(line, 0, line.length(), ++number, "\n", line.length() + 1, null);
      return true;
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
          return pendingLength == 0 ? line(buf, start, i - start, "\n", ranges) : lineOfPending(start, i, "\n");
        }
        if (i + 1 < limit) {
          boolean crlf = buf[i + 1] == '\n';
          pos = i + (crlf ? 2 : 1);
          return pendingLength == 0 ? line(buf, start, i - start, crlf ? "\r\n" : "\r", ranges)
              : lineOfPending(start, i, crlf ? "\r\n" : "\r");
        }
        append(start, i); // a '\r' that ends the buffer: look at the next byte before deciding
        pos = limit;
        boolean crlf = fill() && buf[pos] == '\n';
        if (crlf) {
          pos++;
        }
        return line(pending, 0, pendingLength, crlf ? "\r\n" : "\r", false);
      }
      append(start, limit);
      pos = limit;
      if (!fill()) {
        return pendingLength != 0 && line(pending, 0, pendingLength, "", false);
      }
      start = pos;
    }
  }

  /** How many lines were read so far (the number of the last one). */
  long number() {
    return number;
  }

  private boolean lineOfPending(int start, int end, String terminator) {
    append(start, end);
    return line(pending, 0, pendingLength, terminator, false);
  }

  private boolean line(byte[] b, int off, int len, String terminator, boolean ranges) {
    number++;
    int bytes = len + terminator.length();
    if (ranges && b == buf) {
      if (!chunkTried) {
        chunkTried = true; // the first whole line of this read: the rest of the read from here, if all ASCII
        chunk = Decoding.isAscii(buf, off, limit - off)
            ? new String(buf, off, limit - off, StandardCharsets.ISO_8859_1) : null;
        chunkStart = off;
      }
      if (chunk != null) {
        set(chunk, off - chunkStart, off - chunkStart + len, number, terminator, bytes, null);
        return true;
      }
    }
    if (Decoding.isAscii(b, off, len)) {
      set(new String(b, off, len, StandardCharsets.ISO_8859_1), number, terminator, bytes, null);
      return true;
    }
    String text = new String(b, off, len, charset); // invalid bytes become U+FFFD
    if (replace || text.indexOf('\uFFFD') < 0 && charset == StandardCharsets.UTF_8) {
      set(text, number, terminator, bytes, null);
      return true;
    }
    int bad = Decoding.firstInvalid(b, off, len, charset);
    set(text, number, terminator, bytes, bad < 0 ? null : Decoding.describe(charset, bad + 1, number));
    return true;
  }

  private void set(String text, long number, String terminator, int bytes, String malformed) {
    set(text, 0, text.length(), number, terminator, bytes, malformed);
  }

  private void set(String text, int from, int to, long number, String terminator, int bytes, String malformed) {
    this.text = text;
    this.from = from;
    this.to = to;
    this.number = number;
    this.terminator = terminator;
    this.bytes = bytes;
    this.malformed = malformed;
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
    chunk = null;
    chunkTried = false;
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
