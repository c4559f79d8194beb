package dev.lake.examples.lambda.football;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.examples.replay.LocalContext;
import java.util.Map;

/**
 * Runs {@link FootballHandler} once, offline, on recorded responses: the build's smoke test of the shaded jar.
 *
 * <pre>{@code
 * java -cp target/lake-football-handler.jar dev.lake.examples.lambda.football.ReplayRun ./lake ../../data
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
    FootballSchedule schedule = FootballSchedule.fromEnv(Map.of("LAKE_URI", args[0], "REPLAY_DATA", data,
        "TEAM_CODES_URI", data + "api_football/teamcodes.csv"));
    System.out.println(new FootballHandler(schedule).handleRequest(new ScheduledEvent(),
        new LocalContext("football", java.time.Duration.ofMinutes(15))));
  }
}
