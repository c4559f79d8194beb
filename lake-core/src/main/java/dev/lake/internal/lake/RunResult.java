package dev.lake.internal.lake;

import dev.lake.io.BadRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a committed run, engine-side: what the runner and a compaction build, what the run report file
 * ({@code _lake/runs/<pipeline>/<runId>.json}, {@link MetadataWriter#runReport}) holds, and what {@code dev.lake}
 * makes the public {@code PipelineResult} of (and back, for its derived counts and summary, which are computed here
 * only). Lists and maps are copied in their order; {@code null} is empty; at most {@value #COMMITTERS_KEPT} of the
 * runs that committed skipped splits are kept.
 *
 * <pre>{@code
 * RunResult r = new RunResult("sales", runId, runId, started, Duration.ofSeconds(3), 2, 100, 0,
 *     List.of(new RunResult.Step("filter", 100, 90, 0, 0)),
 *     List.of(new RunResult.Sink("lake:processed/sales", 90, 90, 0, 1, 4096, 1, false)),
 *     List.of(), null, Map.of(), Map.of(), false, 0, List.of(), List.of());
 * long filtered = r.rowsFiltered();   // 10
 * }</pre>
 *
 * @param pipeline the pipeline's name
 * @param runId the run's id
 * @param commitKey the key its commit is recorded under
 * @param startedAt when it started
 * @param duration how long it took
 * @param splits the splits it read
 * @param rowsRead the rows the source gave
 * @param sourceRejected the rows the source rejected
 * @param steps each step's counts, in order
 * @param sinks each sink's counts, in order
 * @param badRows the bad rows kept as examples
 * @param rejectedDataset the rejected zone's dataset, or {@code null}
 * @param cursorsBefore the cursors it started from
 * @param cursorsAfter the cursors it committed
 * @param stoppedAtDeadline it stopped reading at the pipeline's deadline
 * @param splitsSkipped splits skipped as committed already
 * @param skippedCommittedBy the runs that committed them
 * @param warnings the warnings, counted by step and kind
 */
public record RunResult(String pipeline, String runId, String commitKey, Instant startedAt, Duration duration,
    int splits, long rowsRead, long sourceRejected, List<Step> steps, List<Sink> sinks, List<BadRow> badRows,
    String rejectedDataset, Map<String, String> cursorsBefore, Map<String, String> cursorsAfter,
    boolean stoppedAtDeadline, int splitsSkipped, List<String> skippedCommittedBy, List<Warning> warnings) {

  /** The runs that committed skipped splits a report keeps, at most. */
  public static final int COMMITTERS_KEPT = 3;

  public RunResult {
    steps = listOf(steps);
    sinks = listOf(sinks);
    badRows = listOf(badRows);
    cursorsBefore = mapOf(cursorsBefore);
    cursorsAfter = mapOf(cursorsAfter);
    skippedCommittedBy = skippedCommittedBy == null ? List.of()
        : List.copyOf(skippedCommittedBy.stream().limit(COMMITTERS_KEPT).toList());
    warnings = listOf(warnings);
  }

  private static <T> List<T> listOf(List<T> values) {
    return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
  }

  private static Map<String, String> mapOf(Map<String, String> values) {
    return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * One step's counts: rows in and out, rejected, and for a step that batches or groups, the rows it took into its
   * batches or groups ({@code out} is then the number of batches or groups).
   *
   * @param name the step's name
   * @param in rows in
   * @param out rows (or batches, groups) out
   * @param rejected rows rejected
   * @param batched rows taken into batches or groups
   */
  public record Step(String name, long in, long out, long rejected, long batched) {
    /** Rows the step dropped: in, less those out (or batched) and rejected. */
    public long filtered() {
      return Math.max(0, in - (batched > 0 ? batched : out) - rejected);
    }

    /** Rows merged into batches or groups: those batched less the batches or groups out. */
    public long grouped() {
      return batched > 0 ? batched - out : 0;
    }
  }

  /**
   * One sink's counts and commit.
   *
   * @param name the sink's name
   * @param in rows in
   * @param written rows written
   * @param rejected rows rejected
   * @param files files committed
   * @param bytes their bytes
   * @param version the version committed (or still current)
   * @param unchanged nothing was committed
   */
  public record Sink(String name, long in, long written, long rejected, long files, long bytes, long version,
      boolean unchanged) {}

  /**
   * One kind of warning of one step: how many, with a few examples.
   *
   * @param step the step (or source, sink) that warned
   * @param kind the kind of warning
   * @param count how many
   * @param examples a few of them
   */
  public record Warning(String step, String kind, long count, List<String> examples) {
    public Warning {
      examples = examples == null ? List.of() : List.copyOf(examples);
    }
  }

  /** Rows the source gave or rejected. */
  public long rowsIn() {
    return rowsRead + sourceRejected;
  }

  /** Rows the first sink wrote. */
  public long rowsWritten() {
    return sinks.isEmpty() ? 0 : sinks.get(0).written();
  }

  /** Rows rejected by the source, the steps and the first sink. */
  public long rowsRejected() {
    return sourceRejected + steps.stream().mapToLong(Step::rejected).sum()
        + (sinks.isEmpty() ? 0 : sinks.get(0).rejected());
  }

  /** Rows the steps dropped. */
  public long rowsFiltered() {
    return steps.stream().mapToLong(Step::filtered).sum();
  }

  /** Rows merged into batches or groups by the steps. */
  public long rowsGrouped() {
    return steps.stream().mapToLong(Step::grouped).sum();
  }

  /** Rows the steps added: what left less what came in (0 unless a step emits more rows than it takes). */
  public long rowsAdded() {
    return rowsWritten() + rowsRejected() + rowsFiltered() + rowsGrouped() - rowsIn();
  }

  /** Whether each step took what the one before gave, and each sink what the last gave, writing or rejecting it. */
  public boolean reconciles() {
    long previous = rowsRead;
    for (Step s : steps) {
      if (s.in() != previous) {
        return false;
      }
      previous = s.out();
    }
    for (Sink k : sinks) {
      if (k.in() != previous || k.written() + k.rejected() != k.in()) {
        return false;
      }
    }
    return true;
  }

  /** The one-line summary a run logs, e.g. {@code sales: 100 in, 90 written, 0 rejected, 10 filtered in 3.0 s; ...}. */
  public String summary() {
    return RunSummary.of(this);
  }
}
