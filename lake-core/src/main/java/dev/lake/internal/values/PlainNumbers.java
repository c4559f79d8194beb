package dev.lake.internal.values;

import java.math.BigDecimal;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Plain numbers read straight from a range of a line ({@code "-12"}, {@code "17850.0"}, {@code "2.55"}), without
 * making a {@code String} of the range: ints, longs and decimals. Anything else (blanks, exponents, more than 18
 * digits, a fraction an int would lose, a decimal that needs rounding, text that is not a number) is not read here
 * ({@link #NOT_PLAIN}), and the caller parses the text the ordinary way, which gives the same value or the same error.
 *
 * <pre>{@code
 * Object v = PlainNumbers.read(line, 10, 14, Schema.create(Schema.Type.INT)); // 1234, or NOT_PLAIN
 * }</pre>
 */
final class PlainNumbers {
  /** The answer for a range that is not a plain number of the type. */
  static final Object NOT_PLAIN = new Object();

  private static final int MAX_DIGITS = 18; // any 18 digits fit in a long
  private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS + 1];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i <= MAX_DIGITS; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private PlainNumbers() {}

  /** The value of {@code text[from, to)} for {@code schema} (not a union), or {@link #NOT_PLAIN}. */
  static Object read(String text, int from, int to, Schema schema) {
    switch (schema.getType()) {
      case INT:
      case LONG:
        return schema.getLogicalType() == null ? integer(text, from, to, schema.getType() == Schema.Type.INT)
            : NOT_PLAIN;
      case BYTES:
      case FIXED:
        return schema.getLogicalType() instanceof LogicalTypes.Decimal d ? decimal(text, from, to, d) : NOT_PLAIN;
      default:
        return NOT_PLAIN;
    }
  }

  /**
   * Digits with an optional sign and an optional all-zero fraction ({@code "17850.0"}, {@code "17850."}), at most 18;
   * also {@link TextValues#toLong}'s fast path.
   */
  static Object integer(String text, int from, int to, boolean isInt) {
    int i = from;
    boolean negative = false;
    if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int start = i;
    long value = 0;
    while (i < to) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
      i++;
    }
    int digits = i - start;
    if (digits == 0 || digits > MAX_DIGITS) {
      return NOT_PLAIN;
    }
    if (i < to) {
      if (text.charAt(i) != '.') {
        return NOT_PLAIN;
      }
      for (i++; i < to; i++) {
        if (text.charAt(i) != '0') {
          return NOT_PLAIN;
        }
      }
    }
    value = negative ? -value : value;
    if (isInt) {
      return value == (int) value ? (Object) (int) value : NOT_PLAIN;
    }
    return value;
  }

  /**
   * Digits with an optional sign and fraction ({@code "2.55"}, {@code "-.5"}, {@code "3."}), at most 18 in all, as
   * {@code new BigDecimal(text)} reads them, at the decimal's scale when that adds zeros only and the precision holds.
   */
  private static Object decimal(String text, int from, int to, LogicalTypes.Decimal type) {
    int i = from;
    boolean negative = false;
    if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        digits++;
        if (point) {
          scale++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return NOT_PLAIN;
      }
    }
    if (digits == 0 || digits > MAX_DIGITS || scale > type.getScale()) {
      return NOT_PLAIN;
    }
    long signed = negative ? -unscaled : unscaled;
    int zeros = type.getScale() - scale;
    if (digits + zeros > MAX_DIGITS) {
      BigDecimal value = BigDecimal.valueOf(signed, scale).setScale(type.getScale());
      return value.precision() > type.getPrecision() ? NOT_PLAIN : value;
    }
    for (int z = 0; z < zeros; z++) { // at the decimal's scale still within a long: one BigDecimal, made there
      signed *= 10;
    }
    // its precision (digits of the unscaled value, 1 for zero) above the type's: at least 10^precision
    if (type.getPrecision() <= MAX_DIGITS && Math.abs(signed) >= POWERS_OF_TEN[type.getPrecision()]) {
      return NOT_PLAIN;
    }
    return BigDecimal.valueOf(signed, type.getScale());
  }
}
