package dev.lake.internal.runner;

import dev.lake.internal.lake.PipelineCommit;

/**
 * A concurrent run of the pipeline committed some of this attempt's splits first; this attempt committed nothing and
 * its staged files are discarded. The runner plans the next round ({@link RunPlan#nextRound()}), which skips what the
 * other run committed and reads the rest.
 *
 * <pre>{@code
 * try {
 *   return plan.commit(outcome);
 * } catch (CommitLost lost) {
 *   plan = plan.nextRound();
 * }
 * }</pre>
 */
final class CommitLost extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient PipelineCommit.Conflict conflict;

  CommitLost(PipelineCommit.Conflict conflict) {
    super(conflict.splits().size() + (conflict.splits().size() == 1 ? " of its splits was" : " of its splits were")
        + " committed meanwhile by run " + String.join(", ", conflict.byRuns()));
    this.conflict = conflict;
  }

  /** The splits taken and the runs that took them. */
  public PipelineCommit.Conflict conflict() {
    return conflict;
  }
}
