package dev.lake.cli.lakes.sparkify;

import java.io.Serializable;

/**
 * One app event from {@code log_data/2018/11/*.json} (JSON Lines). Only {@code NextSong} events are song plays.
 *
 * <pre>{@code
 * Source<LogEvent> events = JsonSource.of(LogEvent.class).from("data/sparkify/log_data/**}{@code /*.json").jsonLines();
 * }</pre>
 *
 * @param artist the artist's name (NextSong only)
 * @param auth "Logged In", "Logged Out", "Guest" or "Cancelled"
 * @param firstName the user's first name
 * @param gender "F" or "M"
 * @param itemInSession the event's index within its session
 * @param lastName the user's last name
 * @param length the song's duration in seconds (NextSong only)
 * @param level "free" or "paid" at the time of the event
 * @param location the user's metro area
 * @param method the HTTP method
 * @param page the page, e.g. "NextSong", "Home"
 * @param registration when the user registered, epoch millis (printed as a double)
 * @param sessionId the session
 * @param song the song's title (NextSong only)
 * @param status the HTTP status
 * @param ts when the event happened, epoch millis
 * @param userAgent the browser's user agent
 * @param userId the user's id: a string in the data, empty for logged-out visitors
 */
public record LogEvent(
    String artist,
    String auth,
    String firstName,
    String gender,
    int itemInSession,
    String lastName,
    Double length,
    String level,
    String location,
    String method,
    String page,
    Double registration,
    long sessionId,
    String song,
    int status,
    long ts,
    String userAgent,
    String userId) implements Serializable {

  /** True for the events that are song plays. */
  public boolean isSongPlay() {
    return "NextSong".equals(page);
  }

  /** The key this play is matched to a song with. */
  public Song.SongKey songKey() {
    return new Song.SongKey(song, artist, length == null ? Double.NaN : length);
  }

  /** A stable id: the same event gets the same id on every run. */
  public String songplayId() {
    return sessionId + "-" + itemInSession + "-" + ts;
  }

  /** True when this event happened after {@code other} (ties broken by session and item, so the order is total). */
  public boolean isLaterThan(LogEvent other) {
    if (ts != other.ts) {
      return ts > other.ts;
    }
    if (sessionId != other.sessionId) {
      return sessionId > other.sessionId;
    }
    return itemInSession > other.itemInSession;
  }
}
