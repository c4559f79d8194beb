package dev.lake.internal.runner;

import dev.lake.io.BadRow;
import dev.lake.io.WriterResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What tasks (worker threads, or Spark tasks) hand to the commit: each writer's staged results per sink, the
 * rejected zone's writer results, the counts, the bad rows, the cursors the source proposed, and the ids of the
 * splits they read. Serializable, so a Spark task returns its part to the driver; {@link #merge} adds the parts up.
 *
 * <pre>{@code
 * RunOutcome part = plan.runTask(partitionId, attemptId, splits);   // on an executor
 * PipelineResult result = plan.commit(RunOutcome.merge(parts, steps, sinks));  // on the driver
 * }</pre>
 *
 * @param sinkResults per writer, its result for each sink (in the pipeline's sink order)
 * @param rejectedResults the rejected zone's writer results (empty without a rejected zone)
 * @param counters rows read, per step and per sink
 * @param badRowCount every bad row counted
 * @param badRows the first bad rows, up to {@value BadRows#KEEP}
 * @param proposedCursors cursors proposed while reading
 * @param stoppedAtDeadline true when a worker stopped at the pipeline's deadline
 * @param splitIds the ids of the splits read (in full, or up to the cursor a source proposed at a deadline)
 * @param partials when a step merges across workers (an aggregate): each worker's partial of the first one, not
 *     merged yet (serializable; such a worker writes nothing: its {@code sinkResults} are empty); see
 *     {@link RunPlan#finishMerge}
 */
public record RunOutcome(List<List<WriterResult>> sinkResults, List<WriterResult> rejectedResults, Counters counters,
    long badRowCount, List<BadRow> badRows, Map<String, String> proposedCursors, boolean stoppedAtDeadline,
    List<String> splitIds, List<Object> partials) implements Serializable {
  private static final long serialVersionUID = 3L;

  public RunOutcome {
    sinkResults = sinkResults.stream().map(List::copyOf).toList();
    rejectedResults = List.copyOf(rejectedResults);
    badRows = List.copyOf(badRows);
    proposedCursors = Map.copyOf(proposedCursors);
    splitIds = List.copyOf(splitIds);
    partials = List.copyOf(partials);
  }

  /** Nothing yet: the start of a {@link #merge}, or what failed tasks hand over to be discarded. */
  static RunOutcome empty(int steps, int sinks) {
    return new RunOutcome(List.of(), List.of(), new Counters(steps, sinks), 0, List.of(), Map.of(), false,
        List.of(), List.of());
  }

  /** Only the writer results, for discarding what they staged. */
  static RunOutcome staged(List<List<WriterResult>> sinkResults, List<WriterResult> rejected, int steps, int sinks) {
    return new RunOutcome(sinkResults, rejected, new Counters(steps, sinks), 0, List.of(), Map.of(), false,
        List.of(), List.of());
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
    LinkedHashSet<String> splits = new LinkedHashSet<>();
    List<Object> partials = new ArrayList<>();
    for (RunOutcome p : parts) {
      partials.addAll(p.partials);
      results.addAll(p.sinkResults);
      rejected.addAll(p.rejectedResults);
      total.add(p.counters);
      bad += p.badRowCount;
      p.badRows.stream().limit(Math.max(0, BadRows.KEEP - kept.size())).forEach(kept::add);
      cursors.putAll(p.proposedCursors);
      stopped |= p.stoppedAtDeadline;
      splits.addAll(p.splitIds);
    }
    return new RunOutcome(results, rejected, total, bad, kept, cursors, stopped, new ArrayList<>(splits), partials);
  }

  /** This outcome's writer results per sink, {@code sink} being the index in the pipeline's sinks. */
  List<WriterResult> forSink(int sink) {
    List<WriterResult> forSink = new ArrayList<>();
    for (List<WriterResult> perWriter : sinkResults) {
      forSink.add(perWriter.get(sink));
    }
    return forSink;
  }
}
