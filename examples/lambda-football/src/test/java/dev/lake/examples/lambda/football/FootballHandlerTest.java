package dev.lake.examples.lambda.football;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.Lake;
import dev.lake.exceptions.LakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    List<String> logged = new ArrayList<>();

    String summary = handler().handleRequest(new ScheduledEvent(), new FakeContext(600_000, logged));

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
    assertThat(logged).hasSize(5);
  }

  @Test
  void handleRequest_lessThanAMinuteLeft_failsBeforeStarting() {
    assertThatThrownBy(() -> handler().handleRequest(new ScheduledEvent(), new FakeContext(30_000, List.of())))
        .isInstanceOf(LakeException.class).hasMessageContaining("not starting stage 1 of 5");
    assertThat(Lake.at(lake.toString()).latest("tweets")).isEmpty();
  }

  @Test
  void fromEnv_withoutLakeUri_namesTheVariable() {
    assertThatThrownBy(() -> FootballSchedule.fromEnv(Map.of())).hasMessageContaining("LAKE_URI");
  }

  /** A Lambda context with a fixed remaining time and a logger into a list. */
  record FakeContext(int remainingMillis, List<String> logged) implements Context {
    public String getAwsRequestId() {
      return "test";
    }

    public String getLogGroupName() {
      return "test";
    }

    public String getLogStreamName() {
      return "test";
    }

    public String getFunctionName() {
      return "football";
    }

    public String getFunctionVersion() {
      return "$LATEST";
    }

    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:eu-west-1:000000000000:function:football";
    }

    public CognitoIdentity getIdentity() {
      return null;
    }

    public ClientContext getClientContext() {
      return null;
    }

    public int getRemainingTimeInMillis() {
      return remainingMillis;
    }

    public int getMemoryLimitInMB() {
      return 1024;
    }

    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        public void log(String message) {
          logged.add(message);
        }

        public void log(byte[] message) {
          logged.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }
      };
    }
  }
}
