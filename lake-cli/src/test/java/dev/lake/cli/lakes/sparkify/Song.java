package dev.lake.cli.lakes.sparkify;

import java.io.Serializable;

/**
 * One song of the Million Song Dataset subset, as it appears in {@code song_data/**}{@code /TR*.json} (one JSON
 * document per file). Keys match fields ignoring case and underscores, so {@code artist_id} fills {@code artistId}.
 *
 * <pre>{@code
 * Source<Song> songs = JsonSource.of(Song.class).from("data/sparkify/song_data/**}{@code /*.json");
 * }</pre>
 *
 * @param numSongs always 1 in this data
 * @param artistId the artist's Echo Nest id, e.g. {@code AR62SOJ1187FB47BB5}
 * @param artistLatitude the artist's latitude, or null
 * @param artistLongitude the artist's longitude, or null
 * @param artistLocation free text, often empty
 * @param artistName the artist's name as the log events spell it
 * @param songId the song's Echo Nest id, e.g. {@code SOGVQGJ12AB017F169}
 * @param title the song's title
 * @param duration seconds
 * @param year the release year, 0 when unknown
 */
public record Song(
    Integer numSongs,
    String artistId,
    Double artistLatitude,
    Double artistLongitude,
    String artistLocation,
    String artistName,
    String songId,
    String title,
    double duration,
    int year) implements Serializable {

  /** The key log events are matched on: title, artist name and duration. */
  public SongKey key() {
    return new SongKey(title, artistName, duration);
  }

  /**
   * What a NextSong event and a song have in common. Durations are compared exactly: both files print the same
   * decimal text, which parses to the same double.
   */
  public record SongKey(String title, String artist, double duration) implements Serializable {}
}
