package dev.lake.examples.replay;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.time.Instant;

/**
 * A Lambda {@link Context} for running a handler outside Lambda: a timeout counted from creation, logs to stderr.
 *
 * <pre>{@code
 * handler.handleRequest(new ScheduledEvent(), new LocalContext("football", Duration.ofMinutes(15)));
 * }</pre>
 */
public final class LocalContext implements Context {
  private final String function;
  private final Instant deadline;

  public LocalContext(String function, Duration timeout) {
    this.function = function;
    this.deadline = Instant.now().plus(timeout);
  }

  @Override
  public String getAwsRequestId() {
    return "local";
  }

  @Override
  public String getLogGroupName() {
    return "local";
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
    return "local:" + function;
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
    return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
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
        System.err.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
      }
    };
  }
}
