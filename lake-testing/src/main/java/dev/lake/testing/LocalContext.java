package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lake.exceptions.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A Lambda {@link Context} for running a handler outside Lambda (tests, replays of recorded events, cold-start
 * drivers): its remaining time counts down in real time from the timeout given at creation, each instance has its
 * own request id, its logger writes to stderr and its memory limit is this JVM's maximum heap. Not final, so that an
 * application may give it a name of its own.
 *
 * <pre>{@code
 * String answer = handler.handleRequest(event, new LocalContext("football", Duration.ofMinutes(15)));
 * LambdaBudget budget = LambdaBudget.of(new LocalContext("test", Duration.ofSeconds(30)), Duration.ofSeconds(10));
 * }</pre>
 */
public class LocalContext implements Context {
  private final String function;
  private final long deadlineMillis;
  private final String requestId = UUID.randomUUID().toString();

  /** A context for {@code function} with {@code timeout} left from now. */
  public LocalContext(String function, Duration timeout) {
    ValidationException.check(function != null && !function.isEmpty(),
        "LocalContext(function, timeout): give the function's name, e.g. \"ingest\"");
    ValidationException.check(timeout != null && !timeout.isNegative(),
        "LocalContext(%s, timeout): the timeout must be >= 0 but was %s", function, timeout);
    this.function = function;
    this.deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
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
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
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
        System.err.println(message);
      }

      @Override
      public void log(byte[] message) {
        System.err.println(new String(message, StandardCharsets.UTF_8));
      }
    };
  }

  @Override
  public String toString() {
    return "LocalContext[" + function + ", " + getRemainingTimeInMillis() + " ms left]";
  }
}
