package dev.lake.examples.lambda.tweets;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.examples.replay.LocalContext;
import java.util.Map;

/**
 * Runs {@link TweetsHandler} once, offline, on recorded responses: the build's smoke test of the shaded jar.
 *
 * <pre>{@code
 * java -cp target/lake-tweets-handler.jar dev.lake.examples.lambda.tweets.ReplayRun ./lake ../../data
 * }</pre>
 */
public final class ReplayRun {
  private ReplayRun() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ReplayRun <lake> <data folder>");
      System.exit(2);
    }
    String data = java.nio.file.Path.of(args[1]).toAbsolutePath().normalize().toUri().toString();
    TweetsSchedule schedule = TweetsSchedule.fromEnv(Map.of("LAKE_URI", args[0], "REPLAY_DATA", data));
    System.out.println(new TweetsHandler(schedule).handleRequest(new ScheduledEvent(),
        new LocalContext("tweets", java.time.Duration.ofMinutes(15))));
  }
}
