package dev.lake.examples.lambda.tweets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.Lake;
import dev.lake.testing.LocalContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled tweets handler, offline: a folder of recorded pages replayed into a local lake, incrementally. */
class TweetsHandlerTest {
  static final Path PAGES = Path.of("..", "..", "data", "twitter_v2", "tweets").toAbsolutePath().normalize();

  @TempDir
  Path lake;

  @TempDir
  Path data;

  private String invoke() {
    TweetsHandler handler = new TweetsHandler(TweetsSchedule.fromEnv(Map.of("LAKE_URI", lake.toString(),
        "REPLAY_DATA", data.toUri().toString())));
    return handler.handleRequest(new ScheduledEvent(), new LocalContext("tweets", Duration.ofMinutes(5)));
  }

  static Set<String> ids(Path folder) throws Exception {
    Set<String> ids = new HashSet<>();
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        try (InputStream in = Files.newInputStream(f);
            InputStream plain = f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in) {
          for (JsonNode t : new ObjectMapper().readTree(plain).path("data")) {
            ids.add(t.get("id").asText());
          }
        }
      }
    }
    return ids;
  }

  private Set<String> stored() {
    Set<String> ids = new HashSet<>();
    Lake.at(lake.toString()).read("tweets").readAll().forEach(r -> ids.add(r.get("tweet_id").toString()));
    return ids;
  }

  @Test
  void handleRequest_eachInvocation_appendsOnlyTheNewFiles() throws Exception {
    Path folder = Files.createDirectories(data.resolve("twitter_v2/tweets"));
    Files.copy(PAGES.resolve("test_client_search_recent_tweets_0.json"),
        folder.resolve("test_client_search_recent_tweets_0.json"));

    Set<String> firstFile = ids(folder);

    String first = invoke();
    Set<String> afterFirst = stored();
    String second = invoke();
    Files.copy(PAGES.resolve("brexit_page0.json.gz"), folder.resolve("brexit_page0.json.gz"));
    Set<String> bothFiles = ids(folder);
    String third = invoke();

    assertThat(afterFirst).isEqualTo(firstFile);
    assertThat(first).startsWith("tweets: 1 in, " + firstFile.size() + " written");
    assertThat(second).startsWith("tweets: 0 in, 0 written");
    assertThat(third).startsWith("tweets: 1 in, " + (bothFiles.size() - firstFile.size()) + " written");
    assertThat(stored()).isEqualTo(bothFiles);
  }

  @Test
  void fromEnv_live_withoutLakeUri_namesTheVariable() {
    assertThatThrownBy(() -> TweetsSchedule.fromEnv(Map.of("TWITTER_BEARER_TOKEN", "x")))
        .hasMessageContaining("LAKE_URI");
  }
}
