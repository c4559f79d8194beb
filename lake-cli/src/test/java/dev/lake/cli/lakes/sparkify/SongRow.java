package dev.lake.cli.lakes.sparkify;

import dev.lake.Column;

/**
 * A row of the {@code songs} dimension, partitioned by {@code year} and {@code artist_id}.
 *
 * <pre>{@code
 * SongRow row = SongRow.of(song);
 * }</pre>
 */
public record SongRow(
    @Column("song_id") String songId,
    String title,
    @Column("artist_id") String artistId,
    int year,
    double duration) {

  public static SongRow of(Song s) {
    return new SongRow(s.songId(), s.title(), s.artistId(), s.year(), s.duration());
  }
}
