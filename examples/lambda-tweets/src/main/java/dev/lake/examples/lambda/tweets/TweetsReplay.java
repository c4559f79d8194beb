package dev.lake.examples.lambda.tweets;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.testing.LocalContext;
import java.util.Map;

/**
 * Runs {@link TweetsHandler} once, offline, on recorded responses: the build's smoke test of the shaded jar.
 *
 * <pre>{@code
 * java -cp target/lake-tweets-handler.jar dev.lake.examples.lambda.tweets.TweetsReplay ./lake ../../data
 * }</pre>
 */
public final class TweetsReplay {
  /** Taken from the environment when set: {@code LAKE_FORMAT=iceberg} replays into Iceberg tables. */
  private static final java.util.List<String> FORMAT_VARIABLES = java.util.List.of("LAKE_FORMAT",
      "LAKE_ICEBERG_WAREHOUSE", "LAKE_ICEBERG_CATALOG");

  private TweetsReplay() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: TweetsReplay <lake> <data folder>");
      System.exit(2);
    }
    String data = java.nio.file.Path.of(args[1]).toAbsolutePath().normalize().toUri().toString();
    Map<String, String> env = new java.util.HashMap<>(Map.of("LAKE_URI", args[0], "REPLAY_DATA", data));
    FORMAT_VARIABLES.forEach(v -> java.util.Optional.ofNullable(System.getenv(v)).ifPresent(x -> env.put(v, x)));
    TweetsSchedule schedule = TweetsSchedule.fromEnv(env);
    System.out.println(new TweetsHandler(schedule).handleRequest(new ScheduledEvent(),
        new LocalContext("tweets", java.time.Duration.ofMinutes(15))));
  }
}
