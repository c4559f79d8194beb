package dev.lake.cli.lakes.sparkify;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Lookup;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.source.files.JsonSource;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * lake-cli's test copy of the example of the same name in {@code examples/pipelines}, writing to Lake's processed
 * zone only: the command line's tests build real lakes with it, without depending on the examples.
 *
 * <p>The Sparkify star schema: song files and event logs into the {@code songplays} fact table and the {@code users},
 * {@code songs}, {@code artists} and {@code time} dimensions, as Snappy Parquet under {@code processed/<dataset>/}.
 * Every dataset is written with {@link WriteMode#OVERWRITE}, so a re-run replaces it; bad rows go to
 * {@code rejected/<dataset>/}.
 *
 * <pre>{@code
 * URI data = URI.create("file:///repo/data/");
 * for (Pipeline<?> p : Sparkify.pipelines(data, Lake.at("./lake"))) System.out.println(p.run().summary());
 * }</pre>
 */
public final class Sparkify {
  public static final String SONGS = "songs";
  public static final String ARTISTS = "artists";
  public static final String USERS = "users";
  public static final String TIME = "time";
  public static final String SONGPLAYS = "songplays";

  private Sparkify() {}

  /** Every song file: {@code <data>/sparkify/song_data/**}{@code /*.json}, one pretty document each. */
  public static JsonSource<Song> songFiles(URI data) {
    return JsonSource.of(Song.class).from(data + "sparkify/song_data/**/*.json");
  }

  /** Every event log: {@code <data>/sparkify/log_data/**}{@code /*.json}, JSON Lines. */
  public static JsonSource<LogEvent> eventFiles(URI data) {
    return JsonSource.of(LogEvent.class).from(data + "sparkify/log_data/**/*.json").jsonLines();
  }

  /** The five pipelines, dimensions first. Building them reads the song files and the logs once (see users). */
  public static List<Pipeline<?>> pipelines(URI data, Lake lake) {
    return List.of(songs(data, lake), artists(data, lake), users(data, lake), time(data, lake), songplays(data, lake));
  }

  /** {@code songs}: one row per song_id, partitioned by year and artist_id. */
  public static Pipeline<SongRow> songs(URI data, Lake lake) {
    return Pipeline.from(songFiles(data))
        .named("sparkify-songs")
        .deduplicate(Song::songId)
        .map("to-song-row", SongRow::of)
        .to(sink(lake, SONGS, "year", "artist_id"))
                .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** {@code artists}: one row per artist_id (the first song file read gives the name and location). */
  public static Pipeline<ArtistRow> artists(URI data, Lake lake) {
    return Pipeline.from(songFiles(data))
        .named("sparkify-artists")
        .deduplicate(Song::artistId)
        .map("to-artist-row", ArtistRow::of)
        .to(sink(lake, ARTISTS))
                .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /**
   * {@code users}: one row per user with a song play, as of that user's latest play (a user can move from free to
   * paid during the month). {@code deduplicate} keeps an arbitrary duplicate, so the latest play per user is found
   * first, in one pass over the logs held in a small map (one event per user: about a hundred here), and joined in
   * with {@code lookupJoin}. A map rather than a sort: the logs are small enough, and the pipeline stays streaming.
   */
  public static Pipeline<UserRow> users(URI data, Lake lake) {
    Map<String, LogEvent> latest = LatestPlays.byUser(eventFiles(data));
    return Pipeline.from(eventFiles(data))
        .named("sparkify-users")
        .filter("song-plays", LogEvent::isSongPlay)
        .deduplicate(LogEvent::userId)
        .lookupJoin(latest, LogEvent::userId, (event, last) -> UserRow.of(last == null ? event : last))
        .to(sink(lake, USERS))
                .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** {@code time}: one row per distinct play timestamp, partitioned by year and month. */
  public static Pipeline<TimeRow> time(URI data, Lake lake) {
    return Pipeline.from(eventFiles(data))
        .named("sparkify-time")
        .filter("song-plays", LogEvent::isSongPlay)
        .deduplicate(LogEvent::ts)
        .map("to-time-row", e -> TimeRow.of(e.ts()))
        .to(sink(lake, TIME, "year", "month"))
                .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /**
   * {@code songplays}: every NextSong event, joined to the song files by title, artist name and duration (song_id
   * and artist_id stay null when no song matches, which is most of the time with this song subset).
   */
  public static Pipeline<Songplay> songplays(URI data, Lake lake) {
    Map<Song.SongKey, Song> songs = Lookup.load(songFiles(data), Song::key);
    return Pipeline.from(eventFiles(data))
        .named("sparkify-songplays")
        .filter("song-plays", LogEvent::isSongPlay)
        .lookupJoin(songs, LogEvent::songKey, Songplay::of)
        .to(sink(lake, SONGPLAYS, "year", "month"))
                .onBadRows(BadRowPolicy.toRejectedZone());
  }

  private static <T> dev.lake.io.Sink<T> sink(Lake lake, String dataset, String... partitionBy) {
    @SuppressWarnings("unchecked")
    dev.lake.io.Sink<T> sink = (dev.lake.io.Sink<T>) lake.processed(dataset).partitionBy(partitionBy)
        .mode(WriteMode.OVERWRITE);
    return sink;
  }
}
