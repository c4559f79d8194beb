package dev.lake.examples.lambda.football;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.Lake;
import dev.lake.exceptions.LakeException;
import dev.lake.testing.LocalContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled football handler, offline: the bundled recorded responses replayed into a local lake. */
class FootballHandlerTest {
  static final Path DATA = Path.of("..", "..", "data").toAbsolutePath().normalize();

  @TempDir
  Path lake;

  private FootballHandler handler() {
    String data = DATA.toUri().toString();
    return new FootballHandler(FootballSchedule.fromEnv(Map.of("LAKE_URI", lake.toString(), "REPLAY_DATA", data,
        "TEAM_CODES_URI", data + "api_football/teamcodes.csv")));
  }

  @Test
  void handleRequest_replay_writesEveryFixtureOfTheRecordedResponses() throws Exception {
    LocalContext context = LocalContext.frozen("football", Duration.ofMinutes(10));

    String summary = handler().handleRequest(new ScheduledEvent(), context);

    Set<Long> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(DATA.resolve("api_football/fixtures"))) {
      for (Path f : files.toList()) {
        for (JsonNode n : new ObjectMapper().readTree(f.toFile()).path("response")) {
          ids.add(n.at("/fixture/id").asLong());
        }
      }
    }
    Set<Long> written = new HashSet<>();
    Lake.at(lake.toString()).read("fixtures").readAll().forEach(r -> written.add((Long) r.get("fixture_id")));
    assertThat(written).isEqualTo(ids);
    assertThat(summary.lines()).hasSize(5).anyMatch(l -> l.startsWith("football-fixtures: "));
    assertThat(context.logged()).hasSize(5);
  }

  @Test
  void handleRequest_lessThanAMinuteLeft_failsBeforeStarting() {
    assertThatThrownBy(() -> handler().handleRequest(new ScheduledEvent(), LocalContext.frozen("football", Duration.ofSeconds(30))))
        .isInstanceOf(LakeException.class).hasMessageContaining("not starting stage 1 of 5");
    assertThat(Lake.at(lake.toString()).latest("tweets")).isEmpty();
  }

  @Test
  void fromEnv_withoutLakeUri_namesTheVariable() {
    assertThatThrownBy(() -> FootballSchedule.fromEnv(Map.of())).hasMessageContaining("LAKE_URI");
  }
}
