package dev.lake.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict decoding of text input. Java's readers replace bytes that are not valid in their charset with U+FFFD
 * without a word; text sources use this instead to find such bytes and say where they are ("invalid UTF-8 at byte 7
 * of line 40", bytes and lines 1-based), so that the line (or the response) is rejected rather than written with a
 * replacement character in it.
 *
 * <pre>{@code
 * // given: byte[] bytes, int n, byte[] body
 * int bad = Decoding.firstInvalid(bytes, 0, n, StandardCharsets.UTF_8);     // -1 when valid
 * String reason = Decoding.describe(StandardCharsets.UTF_8, bad + 1, 40);   // "invalid UTF-8 at byte 7 of line 40"
 * String problem = Decoding.check(body, StandardCharsets.UTF_8);            // null, or the reason for a whole text
 * }</pre>
 */
public final class Decoding {
  private Decoding() {}

  /**
   * The index (relative to {@code off}) of the first byte of {@code b[off, off + len)} that does not decode in
   * {@code charset}, or -1 when all of them do.
   */
  public static int firstInvalid(byte[] b, int off, int len, Charset charset) {
    if (isAscii(b, off, len) && asciiCompatible(charset)) {
      return -1;
    }
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(Math.min(len + 16, 8192));
    while (true) {
      CoderResult r = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
      if (r.isError()) {
        return in.position() - off;
      }
      if (r.isOverflow()) {
        out.clear();
        continue;
      }
      if (!in.hasRemaining()) {
        r = decoder.flush(out);
        if (r.isOverflow()) {
          out.clear();
          continue;
        }
        return -1;
      }
    }
  }

  /** The text of {@code b[off, off + len)} decoded strictly, or null when some bytes are not valid. */
  public static String decodeStrict(byte[] b, int off, int len, Charset charset) {
    if (isAscii(b, off, len) && asciiCompatible(charset)) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** "invalid UTF-8 at byte 7 of line 40". */
  public static String describe(Charset charset, long byteOfLine, long line) {
    return "invalid " + charset.name() + " at byte " + byteOfLine + " of line " + line;
  }

  /**
   * Null when all of {@code text} decodes in {@code charset}; else where the first invalid byte is, counting lines
   * at {@code '\n'}: "invalid UTF-8 at byte 7 of line 3".
   */
  public static String check(byte[] text, Charset charset) {
    int bad = firstInvalid(text, 0, text.length, charset);
    if (bad < 0) {
      return null;
    }
    long line = 1;
    int lineStart = 0;
    for (int i = 0; i < bad; i++) {
      if (text[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return describe(charset, bad - lineStart + 1, line);
  }

  /** True when every byte is below 0x80. */
  public static boolean isAscii(byte[] b, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when bytes below 0x80 are the ASCII characters they are in ASCII and never part of a longer sequence
   * (UTF-8, the ISO-8859 and Windows code pages, Shift_JIS, ...), so that text can be cut into lines at its bytes;
   * false for UTF-16, UTF-32, EBCDIC and the stateful ISO-2022 and UTF-7 encodings.
   */
  public static boolean asciiCompatible(Charset charset) {
    if (charset == StandardCharsets.UTF_8 || charset == StandardCharsets.US_ASCII
        || charset == StandardCharsets.ISO_8859_1) {
      return true;
    }
    String name = charset.name().toUpperCase(java.util.Locale.ROOT);
    if (name.contains("2022") || name.contains("UTF-7") || !charset.canEncode()) {
      return false;
    }
    byte[] ascii = new byte[128];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) i;
    }
    return java.util.Arrays.equals(new String(ascii, StandardCharsets.ISO_8859_1).getBytes(charset), ascii);
  }
}
