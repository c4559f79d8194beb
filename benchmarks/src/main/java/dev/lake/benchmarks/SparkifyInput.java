package dev.lake.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A Sparkify input with many song files, built once under {@code <target>/inputs/sparkify-<N>-songs/} and laid out
 * like {@code data/}: the bundled song files and event logs (hard links, or copies), plus generated song files shaped
 * like the bundled ones (one song per file, in {@code song_data/A/B/C/TRABC….json}, the same fields, a null or a
 * real-looking location, year 0 for about half of them as in the Million Song subset). Each generated song has its
 * own artist up to {@code partitions} (year, artist) pairs, after which songs reuse an earlier song's artist and
 * year, so {@code songs} partitioned by year and artist has exactly {@code partitions} generated partition
 * directories (plus the bundled songs' own). The generator is seeded: the same arguments give the same bytes.
 *
 * <pre>{@code
 * Path data = SparkifyInput.songs(settings.data(), settings.target(), 15_000, 12_600);
 * }</pre>
 */
final class SparkifyInput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final List<String> PLACES = List.of("Nashville, TN.", "London, England", "Chicago, IL", "",
      "Berlin, Germany", "Kingston, Jamaica", "Montreal, Quebec, Canada", "Los Angeles, CA", "Stockholm, Sweden");

  private SparkifyInput() {}

  /** {@code songFiles} song files in all (the bundled ones included) over {@code partitions} generated partitions. */
  static Path songs(Path data, Path target, int songFiles, int partitions) throws IOException {
    Path root = target.resolve("inputs/sparkify-" + songFiles + "-songs");
    Path done = root.resolve(".complete");
    if (Files.exists(done)) {
      return root;
    }
    Path bundled = data.resolve("sparkify");
    int copied = linkTree(bundled, root.resolve("sparkify"));
    int generated = songFiles - countSongs(bundled);
    Random random = new Random(20_261_207L);
    String[] artists = new String[Math.max(1, partitions)];
    int[] years = new int[artists.length];
    for (int i = 0; i < generated; i++) {
      int slot = i < artists.length ? i : random.nextInt(artists.length);
      if (i < artists.length) {
        artists[slot] = "AR" + code(random, 16);
        years[slot] = random.nextBoolean() ? 0 : 1950 + random.nextInt(61);
      }
      String track = "TR" + code(random, 16);
      Path file = root.resolve("sparkify/song_data").resolve(track.substring(2, 3)).resolve(track.substring(3, 4))
          .resolve(track.substring(4, 5)).resolve(track + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(song(random, artists[slot], years[slot], slot)));
    }
    Files.writeString(done, "bundled files " + copied + ", generated songs " + generated + "\n");
    return root;
  }

  private static ObjectNode song(Random random, String artist, int year, int artistNumber) {
    ObjectNode song = JSON.createObjectNode();
    song.put("num_songs", 1);
    song.put("artist_id", artist);
    boolean located = random.nextInt(3) > 0;
    if (located) {
      song.put("artist_latitude", Math.round((random.nextDouble() * 140 - 70) * 100_000) / 100_000.0);
      song.put("artist_longitude", Math.round((random.nextDouble() * 340 - 170) * 100_000) / 100_000.0);
    } else {
      song.putNull("artist_latitude");
      song.putNull("artist_longitude");
    }
    song.put("artist_location", located ? PLACES.get(random.nextInt(PLACES.size())) : "");
    song.put("artist_name", "Artist " + artistNumber);
    song.put("song_id", "SO" + code(random, 16));
    song.put("title", "Song " + code(random, 6).toLowerCase(java.util.Locale.ROOT));
    song.put("duration", Math.round((60 + random.nextDouble() * 540) * 100_000) / 100_000.0);
    song.put("year", year);
    return song;
  }

  private static String code(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return s.toString();
  }

  private static int countSongs(Path sparkify) throws IOException {
    try (Stream<Path> s = Files.walk(sparkify.resolve("song_data"))) {
      return (int) s.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  /** Hard-links (or copies) every file under {@code from} to the same place under {@code to}; returns the count. */
  private static int linkTree(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f).toString());
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(target);
      try {
        Files.createLink(target, f);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(f, target);
      }
    }
    return files.size();
  }
}
