package dev.lake.examples.tweets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Facts about a folder of recorded search pages, read with plain Jackson trees (not with the connector's parser):
 * tweet id -> text, and tweets per UTC day (created_at, or the Snowflake id's time when the page has none).
 */
record TweetFacts(Map<String, String> textById, Map<String, Long> perDay) {

  static TweetFacts of(Path folder) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Long> days = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        JsonNode page;
        try (InputStream in = Files.newInputStream(f);
            InputStream plain = f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in) {
          page = json.readTree(plain);
        }
        for (JsonNode t : page.path("data")) {
          String id = t.get("id").asText();
          if (texts.putIfAbsent(id, t.get("text").asText()) == null) {
            Instant at = t.has("created_at") ? Instant.parse(t.get("created_at").asText())
                : Instant.ofEpochMilli((Long.parseLong(id) >> 22) + 1288834974657L);
            days.merge(at.atZone(ZoneOffset.UTC).toLocalDate().toString(), 1L, Long::sum);
          }
        }
      }
    }
    return new TweetFacts(texts, days);
  }

  /** Copies the named files of {@code from} into {@code to} (created). */
  static void copy(Path from, Path to, String... names) throws IOException {
    Files.createDirectories(to);
    for (String n : names) {
      Files.copy(from.resolve(n), to.resolve(n));
    }
  }
}
