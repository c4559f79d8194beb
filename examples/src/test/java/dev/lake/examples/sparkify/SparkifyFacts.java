package dev.lake.examples.sparkify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Facts about the raw Sparkify files, computed here with Jackson's tree model (not with Lake's JSON source), to
 * check the lake's output against.
 */
final class SparkifyFacts {
  long songFiles;
  long events;
  long songPlays;
  final Set<String> songIds = new HashSet<>();
  final Set<String> artistIds = new HashSet<>();
  final Set<String> playUsers = new HashSet<>();
  final Set<Long> playTimestamps = new HashSet<>();
  final Map<Long, Long> playsPerUser = new HashMap<>();
  final Map<String, Long> playsPerLevel = new HashMap<>();
  final Map<Integer, Long> playsPerHour = new HashMap<>();
  /** userId to {ts, level} of the user's latest NextSong event. */
  final Map<String, Object[]> latestPlay = new HashMap<>();
  /** Users whose plays have both levels (they upgraded or downgraded during the month). */
  final Set<String> usersWithBothLevels = new HashSet<>();

  static SparkifyFacts of(Path sparkify) throws IOException {
    ObjectMapper json = new ObjectMapper();
    SparkifyFacts f = new SparkifyFacts();
    for (Path file : files(sparkify.resolve("song_data"))) {
      JsonNode song = json.readTree(file.toFile());
      f.songFiles++;
      f.songIds.add(song.get("song_id").asText());
      f.artistIds.add(song.get("artist_id").asText());
    }
    Map<String, Set<String>> levels = new HashMap<>();
    for (Path file : files(sparkify.resolve("log_data"))) {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode e = json.readTree(line);
        f.events++;
        if (!"NextSong".equals(e.get("page").asText())) {
          continue;
        }
        f.songPlays++;
        String user = e.get("userId").asText();
        long ts = e.get("ts").asLong();
        String level = e.get("level").asText();
        f.playUsers.add(user);
        f.playTimestamps.add(ts);
        f.playsPerUser.merge(Long.parseLong(user), 1L, Long::sum);
        f.playsPerLevel.merge(level, 1L, Long::sum);
        f.playsPerHour.merge(java.time.Instant.ofEpochMilli(ts).atZone(java.time.ZoneOffset.UTC).getHour(), 1L,
            Long::sum);
        levels.computeIfAbsent(user, u -> new HashSet<>()).add(level);
        f.latestPlay.merge(user, new Object[] {ts, level}, (a, b) -> (long) b[0] > (long) a[0] ? b : a);
      }
    }
    levels.forEach((user, l) -> {
      if (l.size() > 1) {
        f.usersWithBothLevels.add(user);
      }
    });
    return f;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
