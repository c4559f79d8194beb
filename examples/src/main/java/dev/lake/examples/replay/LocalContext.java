package dev.lake.examples.replay;

import java.time.Duration;

/**
 * lake-lambda's {@link dev.lake.lambda.LocalContext} under the name the football and tweets handlers' replays use: a
 * Lambda context for running a handler outside Lambda (a timeout counted from creation, logs to stderr).
 *
 * <pre>{@code
 * handler.handleRequest(new ScheduledEvent(), new LocalContext("football", Duration.ofMinutes(15)));
 * }</pre>
 */
public final class LocalContext extends dev.lake.lambda.LocalContext {

  public LocalContext(String function, Duration timeout) {
    super(function, timeout);
  }
}
