package dev.lake.exceptions;

/**
 * A pipeline, sink or source was configured wrongly. Thrown before any I/O, with a message that names the fix.
 *
 * <pre>{@code
 * // given: Source<String> source
 * Pipeline.from(source).run(); // ValidationException: "Pipeline has no sink: call .to(sink) before run()"
 * }</pre>
 */
public class ValidationException extends LakeException {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message);
  }

  /** A configuration error found by a parser or check that failed with {@code cause} (kept in the stack trace). */
  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Fails with {@code String.format(template, args)} unless {@code condition} holds. */
  public static void check(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new ValidationException(String.format(template, args));
    }
  }
}
