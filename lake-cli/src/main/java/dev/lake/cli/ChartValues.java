package dev.lake.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Converts what DuckDB returns for dates and times (java.sql types, java.time types) to what XChart draws
 * ({@link Date}), and any value to a category label.
 *
 * <pre>{@code
 * ChartValues.date(LocalDate.of(2011, 1, 1));   // a Date at midnight UTC
 * }</pre>
 */
final class ChartValues {
  private ChartValues() {}

  static boolean isTime(Object v) {
    return v instanceof java.util.Date || v instanceof LocalDate || v instanceof LocalDateTime
        || v instanceof OffsetDateTime || v instanceof Instant;
  }

  static Date date(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof java.sql.Date d) {
      return Date.from(d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (v instanceof java.sql.Timestamp t) {
      return Date.from(t.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
    if (v instanceof Date d) {
      return d;
    }
    if (v instanceof LocalDate d) {
      return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (v instanceof LocalDateTime t) {
      return Date.from(t.toInstant(ZoneOffset.UTC));
    }
    if (v instanceof OffsetDateTime t) {
      return Date.from(t.toInstant());
    }
    return Date.from((Instant) v);
  }

  static String label(Object v) {
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return String.valueOf(v);
  }
}
