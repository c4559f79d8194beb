package dev.lake.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lake.exceptions.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A Lambda {@link Context} for running a handler outside Lambda (tests, replays of recorded events): its remaining
 * time counts down in real time from the timeout given at creation (on a {@link Clock} of the test's, or never moves:
 * {@link #frozen}), each instance
 * has its own request id, its logger writes each message to stderr and keeps it ({@link #logged()}), and its memory
 * limit is this JVM's maximum heap. Not final, so that an application may give it a name of its own. Needs
 * {@code com.amazonaws:aws-lambda-java-core} (an optional dependency of lake-testing; lake-lambda brings it).
 *
 * <pre>{@code
 * // given: RequestHandler<ScheduledEvent, String> handler, ScheduledEvent event
 * String answer = handler.handleRequest(event, new LocalContext("football", Duration.ofMinutes(15)));
 * LocalContext fixed = LocalContext.frozen("test", Duration.ofSeconds(3));
 * LambdaBudget budget = LambdaBudget.of(fixed, Duration.ofSeconds(10));
 * }</pre>
 */
public class LocalContext implements Context {
  private final String function;
  private final Clock clock;
  private final long deadlineMillis;
  private final String requestId = UUID.randomUUID().toString();
  private final List<String> logged = Collections.synchronizedList(new ArrayList<>());

  /** A context for {@code function} with {@code timeout} left from now. */
  public LocalContext(String function, Duration timeout) {
    this(function, timeout, Clock.systemUTC());
  }

  /**
   * A context for {@code function} with {@code timeout} left from {@code clock}'s now, counting down as that clock
   * moves: a test advances a clock of its own instead of sleeping.
   */
  public LocalContext(String function, Duration timeout, Clock clock) {
    ValidationException.check(function != null && !function.isEmpty(),
        "LocalContext(function, timeout): give the function's name, e.g. \"ingest\"");
    ValidationException.check(timeout != null && !timeout.isNegative(),
        "LocalContext(%s, timeout): the timeout must be >= 0 but was %s", function, timeout);
    ValidationException.check(clock != null, "LocalContext(%s, timeout, clock): give a clock, e.g. Clock.systemUTC()",
        function);
    this.function = function;
    this.clock = clock;
    this.deadlineMillis = clock.millis() + Math.min(timeout.toMillis(), Integer.MAX_VALUE);
  }

  /**
   * A context for {@code function} whose remaining time is always {@code remaining}: no real time enters a test that
   * runs a budget on its own clock.
   */
  public static LocalContext frozen(String function, Duration remaining) {
    return new LocalContext(function, remaining, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  }

  /** Every message its logger was given so far, in order (each also went to stderr). */
  public List<String> logged() {
    synchronized (logged) {
      return List.copyOf(logged);
    }
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + function;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return function;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:local:000000000000:function:" + function;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - clock.millis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return (int) (Runtime.getRuntime().maxMemory() >> 20);
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        logged.add(message);
        System.err.println(message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }

  @Override
  public String toString() {
    return "LocalContext[" + function + ", " + getRemainingTimeInMillis() + " ms left]";
  }
}
