package dev.lake.cli.lakes.sparkify;

import dev.lake.Column;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * A row of the {@code time} dimension: one instant a song was played, broken into units (UTC), partitioned by
 * {@code year} and {@code month}. {@code week} is the ISO week of the year; {@code weekday} is ISO (1 = Monday,
 * 7 = Sunday).
 *
 * <pre>{@code
 * TimeRow t = TimeRow.of(1541106106796L);   // 2018-11-01T21:01:46.796Z: hour 21, day 1, week 44, weekday 4
 * }</pre>
 */
public record TimeRow(
    @Column("start_time") Instant startTime,
    int hour,
    int day,
    int week,
    int month,
    int year,
    int weekday) {

  /** The row for an epoch-millisecond timestamp. */
  public static TimeRow of(long epochMillis) {
    Instant at = Instant.ofEpochMilli(epochMillis);
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    return new TimeRow(at, utc.getHour(), utc.getDayOfMonth(), utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        utc.getMonthValue(), utc.getYear(), utc.getDayOfWeek().getValue());
  }
}
