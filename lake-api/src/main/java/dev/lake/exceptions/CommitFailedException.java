package dev.lake.exceptions;

/**
 * A commit was refused, typically because another run committed the same dataset first. Nothing of this run became
 * visible; running again is safe.
 *
 * <pre>{@code
 * try {
 *   pipeline.run();
 * } catch (CommitFailedException e) {
 *   pipeline.run();   // deterministic names make the retry idempotent
 * }
 * }</pre>
 */
public class CommitFailedException extends LakeException {
  private static final long serialVersionUID = 1L;

  public CommitFailedException(String message, Throwable cause) {
    super(message, cause, "lake", true, 1);
  }
}
