package dev.lake.internal.runner;

import dev.lake.io.BadRow;
import dev.lake.io.WriterResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the workers of a run (threads, or Spark tasks) hand to the commit: each writer's results per sink, the
 * rejected zone's writer results, the counts, the bad rows, the cursors the source proposed. Serializable, so a Spark
 * task returns its part to the driver; {@link #merge} adds the parts up.
 *
 * <pre>{@code
 * RunOutcome part = plan.runPartition(partitionId, splits);     // on an executor
 * PipelineResult result = plan.commit(RunOutcome.merge(parts)); // on the driver
 * }</pre>
 *
 * @param sinkResults per writer, its result for each sink (in the pipeline's sink order)
 * @param rejectedResults the rejected zone's writer results (empty without a rejected zone)
 * @param counters rows read, per step and per sink
 * @param badRowCount every bad row counted
 * @param badRows the first bad rows, up to {@value BadRows#KEEP}
 * @param proposedCursors cursors proposed while reading
 * @param stoppedAtDeadline true when a worker stopped at the pipeline's deadline
 * @param splits splits read
 * @param partials when the pipeline aggregates: each worker's accumulators by key, not merged yet (a worker of an
 *     aggregating pipeline writes nothing: its {@code sinkResults} are empty); see {@link RunPlan#finishAggregate}
 */
public record RunOutcome(List<List<WriterResult>> sinkResults, List<WriterResult> rejectedResults, Counters counters,
    long badRowCount, List<BadRow> badRows, Map<String, String> proposedCursors, boolean stoppedAtDeadline,
    int splits, List<HashMap<Object, Object>> partials) implements Serializable {
  private static final long serialVersionUID = 2L;

  public RunOutcome {
    sinkResults = sinkResults.stream().map(List::copyOf).toList();
    rejectedResults = List.copyOf(rejectedResults);
    badRows = List.copyOf(badRows);
    proposedCursors = Map.copyOf(proposedCursors);
    partials = List.copyOf(partials);
  }

  /** The outcome of workers of a pipeline that does not aggregate. */
  public RunOutcome(List<List<WriterResult>> sinkResults, List<WriterResult> rejectedResults, Counters counters,
      long badRowCount, List<BadRow> badRows, Map<String, String> proposedCursors, boolean stoppedAtDeadline,
      int splits) {
    this(sinkResults, rejectedResults, counters, badRowCount, badRows, proposedCursors, stoppedAtDeadline, splits,
        List.of());
  }

  /** The parts added up, in the order given (writer results keep their writer indexes). */
  public static RunOutcome merge(List<RunOutcome> parts, int steps, int sinks) {
    List<List<WriterResult>> results = new ArrayList<>();
    List<WriterResult> rejected = new ArrayList<>();
    Counters total = new Counters(steps, sinks);
    long bad = 0;
    List<BadRow> kept = new ArrayList<>();
    Map<String, String> cursors = new TreeMap<>();
    boolean stopped = false;
    int splits = 0;
    List<HashMap<Object, Object>> partials = new ArrayList<>();
    for (RunOutcome p : parts) {
      partials.addAll(p.partials);
      results.addAll(p.sinkResults);
      rejected.addAll(p.rejectedResults);
      total.add(p.counters);
      bad += p.badRowCount;
      p.badRows.stream().limit(Math.max(0, BadRows.KEEP - kept.size())).forEach(kept::add);
      cursors.putAll(p.proposedCursors);
      stopped |= p.stoppedAtDeadline;
      splits += p.splits;
    }
    return new RunOutcome(results, rejected, total, bad, kept, cursors, stopped, splits, partials);
  }
}
