package dev.lake.internal.values;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Allocation-light parsers for scalar text (CSV fields, JSON strings). Each returns {@code null} when the text does not
 * have the expected shape, so callers on the hot path (and schema inference, which probes every sample) never use
 * exceptions for control flow.
 *
 * <pre>{@code
 * TextValues.toLong("17850.0");               // 17850L (integral, so exact)
 * TextValues.toInstant("2010-12-01 08:26:00"); // 2010-12-01T08:26:00Z (no zone: UTC)
 * TextValues.toLong("17850.5");               // null
 * }</pre>
 */
public final class TextValues {
  private static final int SECONDS_PER_DAY = 86_400;

  private TextValues() {}

  /** An exact long: digits with an optional sign, a zero fraction ("17850.0") or an integral exponent ("1.5E3"). */
  public static Long toLong(String s) {
    int n = s.length();
    if (n == 0 || n > 40) {
      return null;
    }
    Object plain = PlainNumbers.integer(s, 0, n, false); // at most 18 digits and an all-zero fraction
    if (plain != PlainNumbers.NOT_PLAIN) {
      return (Long) plain;
    }
    int first = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    return first < n && isDigit(s.charAt(first)) ? slowLong(s) : null; // long digit runs, exponents, fractions
  }

  private static Long slowLong(String s) {
    if (!isNumber(s)) {
      return null;
    }
    try {
      return new java.math.BigDecimal(s).longValueExact();
    } catch (ArithmeticException | NumberFormatException notExact) {
      return null;
    }
  }

  /** A finite decimal number: optional sign, digits, optional fraction and exponent. */
  public static Double toDouble(String s) {
    return isNumber(s) ? Double.valueOf(Double.parseDouble(s)) : null;
  }

  /** True for text shaped like a decimal number (no hex, no "NaN", no type suffix like Java's "1.5d"). */
  public static boolean isNumber(String s) {
    int n = s.length();
    int i = 0;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      i = 1;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exp = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  /** "true"/"false" in any case, and "1"/"0". */
  public static Boolean toBoolean(String s) {
    if (s.equalsIgnoreCase("true") || s.equals("1")) {
      return Boolean.TRUE;
    }
    if (s.equalsIgnoreCase("false") || s.equals("0")) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** An instant from ISO-8601 with or without a zone ("2011-01-05T08:26:00Z", "2010-12-01 08:26:00" as UTC). */
  public static Instant toInstant(String s) {
    DateTimeText t = DateTimeText.parse(s);
    if (t == null) {
      return null;
    }
    long seconds = t.epochDay * SECONDS_PER_DAY + t.secondOfDay - t.offsetSeconds;
    return Instant.ofEpochSecond(seconds, t.nanos);
  }

  /** A local date-time; text with a zone is converted to UTC first. */
  public static LocalDateTime toLocalDateTime(String s) {
    Instant instant = toInstant(s);
    return instant == null ? null : Temporals.atUtc(instant);
  }

  /** A date from "yyyy-MM-dd" (a date-time at midnight is accepted too). */
  public static LocalDate toLocalDate(String s) {
    DateTimeText t = DateTimeText.parse(s);
    if (t == null || t.secondOfDay != 0 || t.nanos != 0 || t.offsetSeconds != 0) {
      return null;
    }
    return LocalDate.ofEpochDay(t.epochDay);
  }

  /** True when the text is a date alone ("2010-12-01"), as schema inference tells dates from timestamps. */
  public static boolean isDateOnly(String s) {
    return s.length() == 10 && DateTimeText.parse(s) != null;
  }

  /** A time of day "HH:mm[:ss[.fraction]]". */
  public static LocalTime toLocalTime(String s) {
    DateTimeText t = DateTimeText.parse("1970-01-01T" + s);
    if (t == null || t.epochDay != 0 || t.offsetSeconds != 0) {
      return null;
    }
    return LocalTime.ofNanoOfDay(t.secondOfDay * 1_000_000_000L + t.nanos);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
