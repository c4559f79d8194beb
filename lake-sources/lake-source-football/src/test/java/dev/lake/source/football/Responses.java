package dev.lake.source.football;

import dev.lake.source.http.RawResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Real recorded responses from src/test/resources/api_football (see SOURCE.md). */
final class Responses {
  private Responses() {}

  static String text(String name) {
    try (InputStream raw = Responses.class.getResourceAsStream("/api_football/" + name)) {
      if (raw == null) {
        throw new IllegalArgumentException("No test resource " + name);
      }
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RawResponse raw(String name, String url) {
    return new RawResponse("api-football", "test", url, 1, "GET", "https://v3.football.api-sports.io" + url, 200,
        Map.of(), text(name), Instant.parse("2020-12-19T00:00:00Z"));
  }
}
