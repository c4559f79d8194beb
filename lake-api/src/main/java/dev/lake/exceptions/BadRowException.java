package dev.lake.exceptions;

import java.util.List;

/**
 * A row could not be read, transformed or written and the pipeline's bad-row policy does not allow it (fail-fast, or
 * more rejects than the policy tolerates). Carries the offending rows with their step, reason and position.
 *
 * <pre>{@code
 * try {
 *   pipeline.run();
 * } catch (BadRowException e) {
 *   e.rows().forEach(r -> System.err.println(r.position() + ": " + r.reason()));
 * }
 * }</pre>
 */
public class BadRowException extends LakeException {
  private static final long serialVersionUID = 1L;

  private final List<RejectedRow> rows;

  /** A failure with its {@code rows} ({@code dev.lake.io.BadRow}s), the last one being the one over the limit. */
  public BadRowException(String message, List<? extends RejectedRow> rows) {
    super(message);
    this.rows = List.copyOf(rows);
  }

  /** The rejected rows that led to this failure, the last one being the one over the limit. */
  public List<RejectedRow> rows() {
    return rows;
  }
}
