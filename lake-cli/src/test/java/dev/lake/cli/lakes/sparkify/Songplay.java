package dev.lake.cli.lakes.sparkify;

import dev.lake.Column;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A row of the {@code songplays} fact table: one NextSong event, with the song and artist it matched (null when the
 * song is not in the song files), partitioned by {@code year} and {@code month} of {@code start_time} (UTC).
 *
 * <pre>{@code
 * Songplay play = Songplay.of(event, songOrNull);
 * }</pre>
 *
 * @param songplayId {@code <sessionId>-<itemInSession>-<ts>}: the same event gets the same id on every run
 */
public record Songplay(
    @Column("songplay_id") String songplayId,
    @Column("start_time") Instant startTime,
    @Column("user_id") long userId,
    String level,
    @Column("song_id") String songId,
    @Column("artist_id") String artistId,
    @Column("session_id") long sessionId,
    String location,
    @Column("user_agent") String userAgent,
    int year,
    int month) {

  /** The play of event {@code e}; {@code song} is the matched song or null. */
  public static Songplay of(LogEvent e, Song song) {
    Instant at = Instant.ofEpochMilli(e.ts());
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    return new Songplay(e.songplayId(), at, userId(e), e.level(), song == null ? null : song.songId(),
        song == null ? null : song.artistId(), e.sessionId(), e.location(), e.userAgent(), utc.getYear(),
        utc.getMonthValue());
  }

  /** The event's user id as a number; an empty or non-numeric id rejects the row with this message. */
  static long userId(LogEvent e) {
    String id = e.userId();
    if (id == null || id.isBlank() || !id.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("Expected a numeric userId but was '" + id + "' (page " + e.page()
          + ", session " + e.sessionId() + ", ts " + e.ts() + ")");
    }
    return Long.parseLong(id);
  }
}
