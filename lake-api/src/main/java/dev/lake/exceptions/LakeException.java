package dev.lake.exceptions;

/**
 * The root of every exception Lake throws. Unchecked, like the AWS SDK's {@code SdkException}: it carries the
 * connector that failed, whether retrying the same call may succeed, and how many attempts were made.
 *
 * <pre>{@code
 * // given: Runnable scheduleRetry, org.slf4j.Logger log
 * try {
 *   pipeline.run();
 * } catch (LakeException e) {
 *   if (e.retryable()) scheduleRetry.run();
 *   log.error("{} failed after {} attempt(s): {}", e.connector(), e.attempts(), e.getMessage());
 * }
 * }</pre>
 */
public class LakeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String connector;
  private final boolean retryable;
  private final int attempts;
  private volatile boolean nothingCommitted;

  public LakeException(String message) {
    this(message, null, "lake", false, 1);
  }

  public LakeException(String message, Throwable cause) {
    this(message, cause, "lake", false, 1);
  }

  public LakeException(String message, Throwable cause, String connector, boolean retryable, int attempts) {
    super(message, cause);
    this.connector = connector == null ? "lake" : connector;
    this.retryable = retryable;
    this.attempts = attempts;
  }

  /**
   * Marks this failure as one that ended a run before its commit: nothing of the run became visible and no cursor
   * moved, and the message says so. Returns this exception.
   */
  public LakeException nothingCommitted() {
    nothingCommitted = true;
    return this;
  }

  /** True when the run this failure ended committed nothing ({@link #nothingCommitted()}). */
  public boolean isNothingCommitted() {
    return nothingCommitted;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    if (!nothingCommitted || message == null || message.contains("othing was committed")) {
      return message;
    }
    return message + (message.endsWith(".") ? "" : ".") + " Nothing was committed: the next run reads the same input "
        + "again.";
  }

  /** The connector or component that failed, e.g. {@code "csv"}, {@code "parquet"}, {@code "lake"}. */
  public String connector() {
    return connector;
  }

  /** True when repeating the same call may succeed (throttling, a reset connection). */
  public boolean retryable() {
    return retryable;
  }

  /** How many attempts were made before giving up (1 when it was not retried). */
  public int attempts() {
    return attempts;
  }
}
