package dev.lake.internal.values;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * Date and time values for Avro's logical types on int and long. Numbers are epoch milliseconds for timestamps (the
 * common JSON convention, e.g. Sparkify's {@code "ts": 1543537327796}), epoch days for dates and milliseconds of the
 * day for times. Text is ISO-8601; a timestamp without a zone is UTC.
 */
final class Temporals {
  private Temporals() {}

  /**
   * The value of {@code text} for a logical-typed int or long schema, or null when it does not parse: ISO-8601, or a
   * number of epoch milliseconds (days for dates) as {@link #fromNumber} reads it.
   */
  static Object fromText(String text, Schema schema) {
    Object value;
    switch (kind(schema)) {
      case INSTANT:
        value = TextValues.toInstant(text);
        break;
      case LOCAL_DATE_TIME:
        value = TextValues.toLocalDateTime(text);
        break;
      case DATE:
        value = TextValues.toLocalDate(text);
        break;
      case TIME:
        return TextValues.toLocalTime(text);
      default:
        Long v = TextValues.toLong(text);
        return v == null || schema.getType() == Schema.Type.LONG ? v : (Object) v.intValue();
    }
    if (value == null && TextValues.isNumber(text)) {
      Long number = TextValues.toLong(text);
      return number == null ? null : fromNumber(number, schema);
    }
    return value;
  }

  /**
   * A whole number as a value of an int or long schema: epoch milliseconds for timestamps, days for dates,
   * milliseconds of the day for times, itself for a long and an int (null when out of an int's range or a day's).
   */
  static Object fromNumber(long number, Schema schema) {
    switch (kind(schema)) {
      case INSTANT:
        return Instant.ofEpochMilli(number);
      case LOCAL_DATE_TIME:
        return atUtc(Instant.ofEpochMilli(number));
      case DATE:
        return LocalDate.ofEpochDay(number);
      case TIME:
        return number >= 0 && number < 86_400_000L ? LocalTime.ofNanoOfDay(number * 1_000_000L) : null;
      default:
        return schema.getType() == Schema.Type.LONG ? (Object) number
            : number == (int) number ? (Object) (int) number : null;
    }
  }

  /** Converts another Java date/time object, or null when it cannot be. */
  static Object fromTemporal(Object value, Schema schema) {
    Kind kind = kind(schema);
    if (value instanceof LocalTime) {
      return kind == Kind.TIME ? value : null;
    }
    Instant instant = toInstant(value);
    if (instant == null) {
      return null;
    }
    switch (kind) {
      case INSTANT:
        return instant;
      case LOCAL_DATE_TIME:
        return atUtc(instant);
      case DATE:
        LocalDateTime t = atUtc(instant);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate() : null;
      default:
        return null;
    }
  }

  /** The instant of a Java date/time (local ones taken as UTC), or null for anything else. */
  static Instant toInstant(Object value) {
    if (value instanceof Instant) {
      return (Instant) value;
    } else if (value instanceof LocalDateTime) {
      return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    } else if (value instanceof LocalDate) {
      return ((LocalDate) value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } else if (value instanceof OffsetDateTime) {
      return ((OffsetDateTime) value).toInstant();
    } else if (value instanceof ZonedDateTime) {
      return ((ZonedDateTime) value).toInstant();
    } else if (value instanceof java.util.Date) {
      return ((java.util.Date) value).toInstant();
    }
    return null;
  }

  /** The local date-time at UTC of an instant (a local timestamp's value). */
  static LocalDateTime atUtc(Instant instant) {
    return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
  }

  enum Kind { INSTANT, LOCAL_DATE_TIME, DATE, TIME, NONE }

  static Kind kind(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    if (logical == null) {
      return Kind.NONE;
    }
    String name = logical.getName();
    if (name.startsWith("timestamp")) {
      return Kind.INSTANT;
    }
    if (name.startsWith("local-timestamp")) {
      return Kind.LOCAL_DATE_TIME;
    }
    if (name.equals("date")) {
      return Kind.DATE;
    }
    return name.startsWith("time") ? Kind.TIME : Kind.NONE;
  }

  static boolean isTemporal(Schema schema) {
    return schema.getLogicalType() != null && kind(schema) != Kind.NONE;
  }
}
