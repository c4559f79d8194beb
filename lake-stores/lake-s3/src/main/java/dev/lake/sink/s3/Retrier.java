package dev.lake.sink.s3;

import dev.lake.exceptions.SinkException;
import dev.lake.io.Backoff;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Lake's retry around idempotent S3 calls, on top of the SDK's own retries: a throttled (503 SlowDown) or failing
 * (500, 502, 504) call, or a reset connection, is tried again after Lake's {@link Backoff} (full jitter). When the
 * attempts run out the failure is a {@link SinkException} with {@code retryable() == true} and the attempts made.
 */
final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  /** A call to S3 that may throw the SDK's unchecked exceptions or an IOException. */
  interface Call<T> {
    T call() throws IOException;
  }

  private final int maxAttempts;
  private final Backoff backoff;
  private final Redactor redactor;

  Retrier(int maxAttempts, long baseDelayMillis, long maxDelayMillis, Redactor redactor) {
    this.maxAttempts = maxAttempts;
    this.backoff = Backoff.fullJitter(Duration.ofMillis(baseDelayMillis), Duration.ofMillis(maxDelayMillis));
    this.redactor = redactor;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Runs {@code call}, retrying what {@link #isRetryable} accepts. {@code attemptHolder}, when given, receives the
   * number of the attempt in progress (callers use it to resolve ambiguous outcomes of a retried write).
   */
  <T> T run(String what, Call<T> call, int[] attemptHolder) throws IOException {
    for (int attempt = 1; ; attempt++) {
      if (attemptHolder != null) {
        attemptHolder[0] = attempt;
      }
      try {
        try {
          return call.call();
        } catch (java.io.UncheckedIOException e) {
          // The url-connection client lets some broken connections (a keep-alive connection the server closed,
          // seen while waiting for 100-continue) escape unwrapped: treat them as the IOException they are.
          throw e.getCause();
        }
      } catch (SdkException | IOException e) {
        if (e instanceof InterruptedIOException || !isRetryable(e)) {
          throw e;
        }
        if (attempt >= maxAttempts) {
          throw new SinkException("s3", what + " failed after " + attempt + " attempts: "
              + redactor.redact(String.valueOf(e.getMessage()))
              + ". S3 kept throttling or failing; retry later, or lower the request rate (fewer parallel workers)",
              e, true, attempt);
        }
        long delay = backoff.delayMillis(attempt, ThreadLocalRandom.current());
        LOG.warn("{} failed (attempt {} of {}), retrying in {} ms: {}", what, attempt, maxAttempts, delay,
            redactor.redact(e.toString()));
        sleep(delay);
      }
    }
  }

  <T> T run(String what, Call<T> call) throws IOException {
    return run(what, call, null);
  }

  /** Throttling, server errors and broken connections; never client errors such as 403 or 404. */
  static boolean isRetryable(Throwable e) {
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      return status == 500 || status == 502 || status == 503 || status == 504 || "SlowDown".equals(code)
          || "InternalError".equals(code) || "RequestTimeout".equals(code);
    }
    if (e instanceof SdkClientException) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof IOException) {
          return true; // connection reset, refused, timed out, unexpected end of stream
        }
      }
      return ((SdkClientException) e).retryable();
    }
    return e instanceof IOException && !(e instanceof java.io.FileNotFoundException);
  }

  private static void sleep(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while backing off before retrying an S3 call");
    }
  }
}
