package dev.lake.exceptions;

/**
 * The run committed (its rows, split ledger and cursors are in the pipeline's state) but making it visible to readers
 * failed part-way: manifest readers still see the previous version, and a plain reader of the prefix may see some of
 * the new files until the publication completes. Nothing is lost and nothing will be added twice: the next run of
 * the pipeline, or the next commit on the dataset, publishes it first. Retrying is safe.
 *
 * <pre>{@code
 * // given: org.slf4j.Logger log
 * try {
 *   pipeline.run();
 * } catch (PublishIncompleteException e) {
 *   log.warn("committed, visible after the next run: {}", e.getMessage());
 * }
 * }</pre>
 */
public class PublishIncompleteException extends LakeException {
  private static final long serialVersionUID = 1L;

  public PublishIncompleteException(String message, Throwable cause) {
    super(message, cause, "lake", true, 1);
  }
}
