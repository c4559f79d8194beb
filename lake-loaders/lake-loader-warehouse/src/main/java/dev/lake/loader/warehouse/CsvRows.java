package dev.lake.loader.warehouse;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;

/**
 * Renders values as PostgreSQL {@code COPY … (FORMAT csv)} fields: NULL is an empty unquoted field, every text
 * value is quoted with embedded quotes doubled (so an empty string stays an empty string, and commas, quotes,
 * newlines and backslashes need no other escaping), bytes are {@code \x} hex.
 */
final class CsvRows {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CsvRows() {}

  static void appendField(StringBuilder out, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof CharSequence || value instanceof GenericEnumSymbol<?>) {
      quoted(out, value.toString());
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof ByteBuffer b) {
      hex(out, b.duplicate());
    } else if (value instanceof byte[] b) {
      hex(out, ByteBuffer.wrap(b));
    } else if (value instanceof GenericFixed f) {
      hex(out, ByteBuffer.wrap(f.bytes()));
    } else {
      // dates and times print as ISO-8601, which PostgreSQL parses; records, lists and maps as their JSON text
      quoted(out, value.toString());
    }
  }

  static void quoted(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  private static void hex(StringBuilder out, ByteBuffer b) {
    out.append("\"\\x");
    while (b.hasRemaining()) {
      int v = b.get() & 0xff;
      out.append(HEX[v >> 4]).append(HEX[v & 15]);
    }
    out.append('"');
  }

  static byte[] bytes(StringBuilder sb) {
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
