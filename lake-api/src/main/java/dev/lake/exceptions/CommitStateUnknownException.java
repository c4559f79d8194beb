package dev.lake.exceptions;

/**
 * The commit request was sent but its outcome is unknown (for example the connection dropped after the manifest
 * upload started). Run the pipeline again: the commit is idempotent, so the retry either finds the commit in place or
 * makes it.
 *
 * <pre>{@code
 * try {
 *   pipeline.run();
 * } catch (CommitStateUnknownException e) {
 *   pipeline.run();
 * }
 * }</pre>
 */
public class CommitStateUnknownException extends LakeException {
  private static final long serialVersionUID = 1L;

  public CommitStateUnknownException(String message, Throwable cause) {
    super(message, cause, "lake", true, 1);
  }
}
