package dev.lake;

import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.exceptions.SourceException;
import dev.lake.transforms.SerializableFunction;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a small table into memory for {@link Pipeline#lookupJoin}.
 *
 * <pre>{@code
 * // given: Pipeline<LogEvent> events
 * Map<Song.SongKey, Song> songs = Lookup.load(JsonSource.of(Song.class).from("data/song_data/"), Song::key);
 * Pipeline<Songplay> plays = events.lookupJoin(songs, LogEvent::songKey, Songplay::of);
 * }</pre>
 */
public final class Lookup {
  private Lookup() {}

  /**
   * Reads every row of {@code source} and keys it by {@code key}; a later row with the same key replaces an earlier
   * one. Bad rows in the table fail the load.
   */
  public static <K, V> Map<K, V> load(Source<V> source, SerializableFunction<? super V, ? extends K> key) {
    Map<K, V> table = new HashMap<>();
    try {
      for (Source<V> split : source.split(SourceContext.standalone())) {
        try (SourceReader<V> reader = split.open(SourceContext.standalone())) {
          while (reader.hasNext()) {
            V row = reader.next();
            table.put(key.apply(row), row);
          }
        }
      }
    } catch (IOException e) {
      throw new SourceException(source.name(), "Cannot load lookup table from " + source.id() + ": " + e, e);
    }
    return table;
  }
}
