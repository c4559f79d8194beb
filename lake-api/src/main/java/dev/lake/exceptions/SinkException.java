package dev.lake.exceptions;

/**
 * Writing to a sink failed. Nothing the failed writer produced becomes visible.
 *
 * <pre>{@code
 * // given: Exception cause
 * throw new SinkException("lake", "Cannot write file:///lake/processed/x/part-0.parquet", cause, false, 1);
 * }</pre>
 */
public class SinkException extends LakeException {
  private static final long serialVersionUID = 1L;

  public SinkException(String connector, String message, Throwable cause, boolean retryable, int attempts) {
    super(message, cause, connector, retryable, attempts);
  }

  public SinkException(String connector, String message, Throwable cause) {
    this(connector, message, cause, false, 1);
  }
}
