package dev.lake.exceptions;

/**
 * Reading a source failed (not a single bad row: those are rejected). Names the source and the position.
 *
 * <pre>{@code
 * // given: Exception cause
 * throw new SourceException("csv", "Cannot open file:///data/x.csv: no such file", cause, false, 1);
 * }</pre>
 */
public class SourceException extends LakeException {
  private static final long serialVersionUID = 1L;

  public SourceException(String connector, String message, Throwable cause, boolean retryable, int attempts) {
    super(message, cause, connector, retryable, attempts);
  }

  public SourceException(String connector, String message, Throwable cause) {
    this(connector, message, cause, false, 1);
  }
}
