package dev.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lake.io.BadRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The report of one run: rows in, out and rejected per step, what each sink wrote and committed, cursors before and
 * after, and timing. Returned by {@link Pipeline#run()} and written to {@code _lake/runs/<pipeline>/<runId>.json}.
 * Every row is accounted for: {@code rowsIn + rowsAdded = rowsWritten + rowsRejected + rowsFiltered + rowsGrouped},
 * where {@code rowsAdded} is non-zero only for pipelines with a flatMap and {@code rowsGrouped} only for pipelines
 * with a {@link Pipeline#buffer buffer} (after it, a row is a batch) or an {@link Pipeline#aggregate aggregate}
 * (after it, a row is a group).
 *
 * <pre>{@code
 * PipelineResult r = pipeline.run();
 * System.out.println(r.summary());
 * if (!r.reconciles()) throw new IllegalStateException("rows went missing: " + r);
 * }</pre>
 *
 * @param pipeline the pipeline's name
 * @param runId this run's unique id
 * @param commitKey a stable hash of the pipeline, its sinks and the splits it read (sinks that are not lake sinks
 *     get it to keep one copy per input; lake sinks keep a split ledger instead)
 * @param startedAt when the run started
 * @param duration how long it took
 * @param splits how many splits were read (not counting those skipped)
 * @param rowsRead rows the source returned
 * @param sourceRejected rows the source could not read
 * @param steps per-step counts, in order
 * @param sinks per-sink counts and commits, in order
 * @param badRows the first bad rows (up to 1,000; all of them are in the rejected zone or in the exception)
 * @param rejectedDataset where bad rows were written, or null
 * @param cursorsBefore the committed cursors when the run started
 * @param cursorsAfter the cursors after the run committed
 * @param stoppedAtDeadline true when the run stopped reading at {@link Pipeline#withDeadline} and committed what it
 *     had read; the rest is read by the next run
 * @param splitsSkipped how many of the source's splits were skipped because the pipeline's datasets hold them
 *     already (committed by an earlier or a concurrent run): input is never added twice
 * @param skippedCommittedBy the runs that had committed the skipped splits, where known (at most a few)
 * @param warnings what steps and sources reported that is not a bad row but must not pass in silence (a page with
 *     errors beside its data, a count that does not match, a file no pattern takes), by step and kind
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineResult(String pipeline, String runId, String commitKey, Instant startedAt, Duration duration,
    int splits, long rowsRead, long sourceRejected, List<StepReport> steps, List<SinkReport> sinks,
    List<BadRow> badRows, String rejectedDataset, Map<String, String> cursorsBefore,
    Map<String, String> cursorsAfter, boolean stoppedAtDeadline, int splitsSkipped,
    List<String> skippedCommittedBy, List<WarningReport> warnings) {

  public PipelineResult {
    skippedCommittedBy = skippedCommittedBy == null ? List.of() : List.copyOf(skippedCommittedBy.stream().limit(3)
        .toList());
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A report without warnings (as written by Lake before warnings were counted). */
  public PipelineResult(String pipeline, String runId, String commitKey, Instant startedAt, Duration duration,
      int splits, long rowsRead, long sourceRejected, List<StepReport> steps, List<SinkReport> sinks,
      List<BadRow> badRows, String rejectedDataset, Map<String, String> cursorsBefore,
      Map<String, String> cursorsAfter, boolean stoppedAtDeadline, int splitsSkipped,
      List<String> skippedCommittedBy) {
    this(pipeline, runId, commitKey, startedAt, duration, splits, rowsRead, sourceRejected, steps, sinks, badRows,
        rejectedDataset, cursorsBefore, cursorsAfter, stoppedAtDeadline, splitsSkipped, skippedCommittedBy,
        List.of());
  }

  /** A report without skipped splits (as written by Lake before the split ledger). */
  public PipelineResult(String pipeline, String runId, String commitKey, Instant startedAt, Duration duration,
      int splits, long rowsRead, long sourceRejected, List<StepReport> steps, List<SinkReport> sinks,
      List<BadRow> badRows, String rejectedDataset, Map<String, String> cursorsBefore,
      Map<String, String> cursorsAfter, boolean stoppedAtDeadline) {
    this(pipeline, runId, commitKey, startedAt, duration, splits, rowsRead, sourceRejected, steps, sinks, badRows,
        rejectedDataset, cursorsBefore, cursorsAfter, stoppedAtDeadline, 0, List.of(), List.of());
  }

  /**
   * Warnings of one kind from one step or source ({@link dev.lake.io.Warnings#warn}): how many, and the first
   * messages (up to 100), each saying what, the value and where.
   *
   * <pre>{@code
   * WarningReport w = result.warnings().get(0);   // parse, page errors, 1, [1 error in the page ... noflat_page0 ...]
   * }</pre>
   */
  public record WarningReport(String step, String kind, long count, List<String> examples) {
    public WarningReport {
      examples = examples == null ? List.of() : List.copyOf(examples);
    }
  }

  /**
   * Counts of one step. Rows that went in and neither came out nor were rejected were filtered out; a flatMap can
   * emit more rows than it received. A buffer step takes rows and emits batches: {@code out} counts the batches and
   * {@code batched} the rows inside them; an aggregate step likewise: {@code out} counts the groups and
   * {@code batched} the rows folded into them (0 for every other step).
   *
   * <pre>{@code
   * StepReport buffer = result.steps().get(0);   // in 1,000, out 2 batches, batched 1,000, filtered 0
   * }</pre>
   */
  public record StepReport(String name, long in, long out, long rejected, long batched) {

    /** The counts of a step that does not batch. */
    public StepReport(String name, long in, long out, long rejected) {
      this(name, in, out, rejected, 0);
    }

    /** Rows that went in and left neither as rows, nor inside batches, nor as bad rows. */
    @JsonProperty
    public long filtered() {
      return Math.max(0, in - (batched > 0 ? batched : out) - rejected);
    }

    /** Rows folded beyond one per batch or group: {@code batched - out} for a buffer or aggregate step, else 0. */
    @JsonProperty
    public long grouped() {
      return batched > 0 ? batched - out : 0;
    }
  }

  /**
   * Counts and commit of one sink; {@code unchanged} when the sink had nothing to commit (an append of no rows), so
   * {@code version} is the dataset's version before and after the run.
   */
  public record SinkReport(String name, long in, long written, long rejected, long files, long bytes, long version,
      boolean unchanged) {
    /** A sink that committed. */
    public SinkReport(String name, long in, long written, long rejected, long files, long bytes, long version) {
      this(name, in, written, rejected, files, bytes, version, false);
    }
  }

  /** Rows that entered: read plus rejected by the source. */
  @JsonProperty
  public long rowsIn() {
    return rowsRead + sourceRejected;
  }

  /** Rows written by the first sink. */
  @JsonProperty
  public long rowsWritten() {
    return sinks.isEmpty() ? 0 : sinks.get(0).written();
  }

  /** Rows rejected by the source, the steps and the first sink. */
  @JsonProperty
  public long rowsRejected() {
    return sourceRejected + steps.stream().mapToLong(StepReport::rejected).sum()
        + (sinks.isEmpty() ? 0 : sinks.get(0).rejected());
  }

  /** Rows filtered out by steps (rows that went into a step and neither came out nor were rejected). */
  @JsonProperty
  public long rowsFiltered() {
    return steps.stream().mapToLong(StepReport::filtered).sum();
  }

  /** Rows folded by buffer and aggregate steps: the rows they batched or grouped minus what they emitted. */
  @JsonProperty
  public long rowsGrouped() {
    return steps.stream().mapToLong(StepReport::grouped).sum();
  }

  /** Rows added by steps that emit more than they take (flatMap). */
  @JsonProperty
  public long rowsAdded() {
    return rowsWritten() + rowsRejected() + rowsFiltered() + rowsGrouped() - rowsIn();
  }

  /** True when every step's input equals the previous step's output and every sink took every row it was given. */
  @JsonProperty
  public boolean reconciles() {
    long previous = rowsRead;
    for (StepReport s : steps) {
      if (s.in() != previous) {
        return false;
      }
      previous = s.out();
    }
    for (SinkReport k : sinks) {
      if (k.in() != previous || k.written() + k.rejected() != k.in()) {
        return false;
      }
    }
    return true;
  }

  /** One line for logs and terminals. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%s: %,d in, %,d written, %,d rejected, %,d filtered", pipeline, rowsIn(),
        rowsWritten(), rowsRejected(), rowsFiltered()));
    if (rowsAdded() != 0) {
      sb.append(String.format(", %,d added by steps", rowsAdded()));
    }
    for (StepReport s : steps) {
      if (s.batched() > 0) {
        sb.append(String.format(", %,d rows in %,d batches by %s", s.batched(), s.out(), s.name()));
      }
    }
    sb.append(String.format(" in %.1f s", duration.toMillis() / 1000.0));
    if (splitsSkipped > 0) {
      sb.append(String.format("; %,d of %,d splits already committed%s, skipped", splitsSkipped,
          splitsSkipped + splits, skippedCommittedBy.isEmpty() ? "" : " (by run " + String.join(", ",
              skippedCommittedBy) + ")"));
    }
    for (SinkReport k : sinks) {
      if (k.unchanged()) {
        sb.append(String.format("; %s unchanged (nothing to commit%s)", k.name(),
            k.version() == 0 ? ", no version yet" : ", still v" + k.version()));
      } else {
        sb.append(String.format("; %s v%d: %,d files, %,d bytes", k.name(), k.version(), k.files(), k.bytes()));
      }
    }
    if (stoppedAtDeadline) {
      sb.append("; stopped at the deadline (the rest is read by the next run)");
    }
    if (rejectedDataset != null && rowsRejected() > 0) {
      sb.append("; bad rows in ").append(rejectedDataset);
    }
    if (!warnings.isEmpty()) {
      sb.append("; warnings: ").append(String.join(", ", warnings.stream()
          .map(w -> String.format("%,d %s (%s)", w.count(), w.kind(), w.step())).toList()));
    }
    return sb.toString();
  }
}
