package dev.lake.exceptions;

import java.util.List;
import java.util.Set;

/**
 * A sink's commit found that some of the run's input splits were committed meanwhile by another run (a concurrent
 * run over overlapping input). Nothing of this commit became visible; the runner reads the remaining splits in
 * another round (see {@link dev.lake.io.SplitLedger}).
 *
 * <pre>{@code
 * // given: Set<String> runSplits, Map<String, String> committedBy
 * Set<String> taken = new TreeSet<>(runSplits);       // this run's splits that another run committed meanwhile
 * taken.retainAll(committedBy.keySet());
 * if (!taken.isEmpty()) {
 *   Set<String> byRuns = Set.copyOf(taken.stream().map(committedBy::get).toList());
 *   throw new SplitsCommittedException("iceberg:db.orders", taken, byRuns);
 * }
 * }</pre>
 */
public class SplitsCommittedException extends CommitFailedException {
  private static final long serialVersionUID = 1L;
  private final Set<String> splits;
  private final Set<String> byRuns;

  /**
   * @param sink the sink that refused the commit
   * @param splits the run's splits found committed
   * @param byRuns the runs that committed them, where known
   */
  public SplitsCommittedException(String sink, Set<String> splits, Set<String> byRuns) {
    super(sink + ": " + splits.size() + (splits.size() == 1 ? " split of this run was" : " splits of this run were")
        + " committed meanwhile" + (byRuns.isEmpty() ? "" : " by run " + String.join(", ", List.copyOf(byRuns)))
        + "; nothing of this commit is visible", null);
    this.splits = Set.copyOf(splits);
    this.byRuns = Set.copyOf(byRuns);
  }

  /** The run's splits found committed. */
  public Set<String> splits() {
    return splits;
  }

  /** The runs that committed them, where known. */
  public Set<String> byRuns() {
    return byRuns;
  }
}
