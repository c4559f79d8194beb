package dev.lake.cli.lakes.sparkify;

import dev.lake.Column;

/**
 * A row of the {@code artists} dimension, taken from the song files.
 *
 * <pre>{@code
 * ArtistRow row = ArtistRow.of(song);
 * }</pre>
 */
public record ArtistRow(
    @Column("artist_id") String artistId,
    String name,
    String location,
    Double latitude,
    Double longitude) {

  public static ArtistRow of(Song s) {
    return new ArtistRow(s.artistId(), s.artistName(), s.artistLocation(), s.artistLatitude(), s.artistLongitude());
  }
}
