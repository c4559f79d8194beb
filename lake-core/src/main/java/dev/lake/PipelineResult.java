package dev.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.lake.io.BadRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * <p>A final class with accessors rather than a record, so that a new field is not a breaking change: Lake's runners
 * build it with {@link #builder()}, users read it. Reports written before a field existed read with its empty value
 * (no warnings, no skipped splits).
 */
@JsonPropertyOrder({"pipeline", "runId", "commitKey", "startedAt", "duration", "splits", "rowsRead", "sourceRejected",
    "steps", "sinks", "badRows", "rejectedDataset", "cursorsBefore", "cursorsAfter", "stoppedAtDeadline",
    "splitsSkipped", "skippedCommittedBy", "warnings", "rowsWritten", "rowsRejected", "rowsFiltered", "rowsGrouped",
    "rowsIn", "rowsAdded", "reconciles"})
@JsonDeserialize(builder = PipelineResult.Builder.class)
public final class PipelineResult {
  private final String pipeline;
  private final String runId;
  private final String commitKey;
  private final Instant startedAt;
  private final Duration duration;
  private final int splits;
  private final long rowsRead;
  private final long sourceRejected;
  private final List<StepReport> steps;
  private final List<SinkReport> sinks;
  private final List<BadRow> badRows;
  private final String rejectedDataset;
  private final Map<String, String> cursorsBefore;
  private final Map<String, String> cursorsAfter;
  private final boolean stoppedAtDeadline;
  private final int splitsSkipped;
  private final List<String> skippedCommittedBy;
  private final List<WarningReport> warnings;

  private PipelineResult(Builder b) {
    pipeline = b.pipeline;
    runId = b.runId;
    commitKey = b.commitKey;
    startedAt = b.startedAt;
    duration = b.duration;
    splits = b.splits;
    rowsRead = b.rowsRead;
    sourceRejected = b.sourceRejected;
    steps = listOf(b.steps);
    sinks = listOf(b.sinks);
    badRows = listOf(b.badRows);
    rejectedDataset = b.rejectedDataset;
    cursorsBefore = mapOf(b.cursorsBefore);
    cursorsAfter = mapOf(b.cursorsAfter);
    stoppedAtDeadline = b.stoppedAtDeadline;
    splitsSkipped = b.splitsSkipped;
    skippedCommittedBy = b.skippedCommittedBy == null ? List.of()
        : List.copyOf(b.skippedCommittedBy.stream().limit(3).toList());
    warnings = listOf(b.warnings);
  }

  private static <T> List<T> listOf(List<T> values) {
    return values == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  private static Map<String, String> mapOf(Map<String, String> values) {
    return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A builder with every count at zero and every list and map empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this report's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder().pipeline(pipeline).runId(runId).commitKey(commitKey).startedAt(startedAt)
        .duration(duration).splits(splits).rowsRead(rowsRead).sourceRejected(sourceRejected).steps(steps)
        .sinks(sinks).badRows(badRows).rejectedDataset(rejectedDataset).cursorsBefore(cursorsBefore)
        .cursorsAfter(cursorsAfter).stoppedAtDeadline(stoppedAtDeadline).splitsSkipped(splitsSkipped)
        .skippedCommittedBy(skippedCommittedBy).warnings(warnings);
  }

  /** The pipeline's name. */
  @JsonProperty
  public String pipeline() {
    return pipeline;
  }

  /** This run's unique id. */
  @JsonProperty
  public String runId() {
    return runId;
  }

  /**
   * A stable hash of the pipeline, its sinks and the splits it read (sinks that are not lake sinks get it to keep one
   * copy per input; lake sinks keep a split ledger instead).
   */
  @JsonProperty
  public String commitKey() {
    return commitKey;
  }

  /** When the run started. */
  @JsonProperty
  public Instant startedAt() {
    return startedAt;
  }

  /** How long it took. */
  @JsonProperty
  public Duration duration() {
    return duration;
  }

  /** How many splits were read (not counting those skipped). */
  @JsonProperty
  public int splits() {
    return splits;
  }

  /** Rows the source returned. */
  @JsonProperty
  public long rowsRead() {
    return rowsRead;
  }

  /** Rows the source could not read. */
  @JsonProperty
  public long sourceRejected() {
    return sourceRejected;
  }

  /** Per-step counts, in order. */
  @JsonProperty
  public List<StepReport> steps() {
    return steps;
  }

  /** Per-sink counts and commits, in order. */
  @JsonProperty
  public List<SinkReport> sinks() {
    return sinks;
  }

  /** The first bad rows (up to 1,000; all of them are in the rejected zone or in the exception). */
  @JsonProperty
  public List<BadRow> badRows() {
    return badRows;
  }

  /** Where bad rows were written, or null. */
  @JsonProperty
  public String rejectedDataset() {
    return rejectedDataset;
  }

  /** The committed cursors when the run started. */
  @JsonProperty
  public Map<String, String> cursorsBefore() {
    return cursorsBefore;
  }

  /** The cursors after the run committed. */
  @JsonProperty
  public Map<String, String> cursorsAfter() {
    return cursorsAfter;
  }

  /**
   * True when the run stopped reading at {@link Pipeline#withDeadline} and committed what it had read; the rest is
   * read by the next run.
   */
  @JsonProperty
  public boolean stoppedAtDeadline() {
    return stoppedAtDeadline;
  }

  /**
   * How many of the source's splits were skipped because the pipeline's datasets hold them already (committed by an
   * earlier or a concurrent run): input is never added twice.
   */
  @JsonProperty
  public int splitsSkipped() {
    return splitsSkipped;
  }

  /** The runs that had committed the skipped splits, where known (at most three). */
  @JsonProperty
  public List<String> skippedCommittedBy() {
    return skippedCommittedBy;
  }

  /**
   * What steps and sources reported that is not a bad row but must not pass in silence (a page with errors beside its
   * data, a count that does not match, a file no pattern takes), by step and kind.
   */
  @JsonProperty
  public List<WarningReport> warnings() {
    return warnings;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof PipelineResult r && splits == r.splits && rowsRead == r.rowsRead
        && sourceRejected == r.sourceRejected && stoppedAtDeadline == r.stoppedAtDeadline
        && splitsSkipped == r.splitsSkipped && Objects.equals(pipeline, r.pipeline)
        && Objects.equals(runId, r.runId) && Objects.equals(commitKey, r.commitKey)
        && Objects.equals(startedAt, r.startedAt) && Objects.equals(duration, r.duration)
        && steps.equals(r.steps) && sinks.equals(r.sinks) && badRows.equals(r.badRows)
        && Objects.equals(rejectedDataset, r.rejectedDataset) && cursorsBefore.equals(r.cursorsBefore)
        && cursorsAfter.equals(r.cursorsAfter) && skippedCommittedBy.equals(r.skippedCommittedBy)
        && warnings.equals(r.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pipeline, runId, commitKey, startedAt, duration, splits, rowsRead, sourceRejected, steps,
        sinks, badRows, rejectedDataset, cursorsBefore, cursorsAfter, stoppedAtDeadline, splitsSkipped,
        skippedCommittedBy, warnings);
  }

  /** Every value, named, as a record would print them; {@link #summary()} is the line for people. */
  @Override
  public String toString() {
    return "PipelineResult[pipeline=" + pipeline + ", runId=" + runId + ", commitKey=" + commitKey + ", startedAt="
        + startedAt + ", duration=" + duration + ", splits=" + splits + ", rowsRead=" + rowsRead
        + ", sourceRejected=" + sourceRejected + ", steps=" + steps + ", sinks=" + sinks + ", badRows=" + badRows
        + ", rejectedDataset=" + rejectedDataset + ", cursorsBefore=" + cursorsBefore + ", cursorsAfter="
        + cursorsAfter + ", stoppedAtDeadline=" + stoppedAtDeadline + ", splitsSkipped=" + splitsSkipped
        + ", skippedCommittedBy=" + skippedCommittedBy + ", warnings=" + warnings + "]";
  }

  /**
   * Builds a {@link PipelineResult}; also what reads run reports from JSON, so a property missing from an older
   * report keeps its empty value.
   *
   * <pre>{@code
   * PipelineResult r = PipelineResult.builder().pipeline("sales").runId("r1").rowsRead(10).build();
   * }</pre>
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Builder {
    private String pipeline;
    private String runId;
    private String commitKey;
    private Instant startedAt;
    private Duration duration = Duration.ZERO;
    private int splits;
    private long rowsRead;
    private long sourceRejected;
    private List<StepReport> steps;
    private List<SinkReport> sinks;
    private List<BadRow> badRows;
    private String rejectedDataset;
    private Map<String, String> cursorsBefore;
    private Map<String, String> cursorsAfter;
    private boolean stoppedAtDeadline;
    private int splitsSkipped;
    private List<String> skippedCommittedBy;
    private List<WarningReport> warnings;

    private Builder() {}

    /** See {@link PipelineResult#pipeline()}. */
    public Builder pipeline(String pipeline) {
      this.pipeline = pipeline;
      return this;
    }

    /** See {@link PipelineResult#runId()}. */
    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    /** See {@link PipelineResult#commitKey()}. */
    public Builder commitKey(String commitKey) {
      this.commitKey = commitKey;
      return this;
    }

    /** See {@link PipelineResult#startedAt()}. */
    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    /** See {@link PipelineResult#duration()}. */
    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    /** See {@link PipelineResult#splits()}. */
    public Builder splits(int splits) {
      this.splits = splits;
      return this;
    }

    /** See {@link PipelineResult#rowsRead()}. */
    public Builder rowsRead(long rowsRead) {
      this.rowsRead = rowsRead;
      return this;
    }

    /** See {@link PipelineResult#sourceRejected()}. */
    public Builder sourceRejected(long sourceRejected) {
      this.sourceRejected = sourceRejected;
      return this;
    }

    /** See {@link PipelineResult#steps()}. */
    public Builder steps(List<StepReport> steps) {
      this.steps = steps;
      return this;
    }

    /** See {@link PipelineResult#sinks()}. */
    public Builder sinks(List<SinkReport> sinks) {
      this.sinks = sinks;
      return this;
    }

    /** See {@link PipelineResult#badRows()}. */
    public Builder badRows(List<BadRow> badRows) {
      this.badRows = badRows;
      return this;
    }

    /** See {@link PipelineResult#rejectedDataset()}. */
    public Builder rejectedDataset(String rejectedDataset) {
      this.rejectedDataset = rejectedDataset;
      return this;
    }

    /** See {@link PipelineResult#cursorsBefore()}. */
    public Builder cursorsBefore(Map<String, String> cursorsBefore) {
      this.cursorsBefore = cursorsBefore;
      return this;
    }

    /** See {@link PipelineResult#cursorsAfter()}. */
    public Builder cursorsAfter(Map<String, String> cursorsAfter) {
      this.cursorsAfter = cursorsAfter;
      return this;
    }

    /** See {@link PipelineResult#stoppedAtDeadline()}. */
    public Builder stoppedAtDeadline(boolean stoppedAtDeadline) {
      this.stoppedAtDeadline = stoppedAtDeadline;
      return this;
    }

    /** See {@link PipelineResult#splitsSkipped()}. */
    public Builder splitsSkipped(int splitsSkipped) {
      this.splitsSkipped = splitsSkipped;
      return this;
    }

    /** See {@link PipelineResult#skippedCommittedBy()}; only the first three are kept. */
    public Builder skippedCommittedBy(List<String> skippedCommittedBy) {
      this.skippedCommittedBy = skippedCommittedBy;
      return this;
    }

    /** See {@link PipelineResult#warnings()}. */
    public Builder warnings(List<WarningReport> warnings) {
      this.warnings = warnings;
      return this;
    }

    /** The report; lists and maps are copied, and null ones are empty. */
    public PipelineResult build() {
      return new PipelineResult(this);
    }
  }

  /** Rows that entered: read plus rejected by the source. */
  @JsonProperty
  public long rowsIn() {
    return RunResults.toEngine(this).rowsIn();
  }

  /** Rows written by the first sink. */
  @JsonProperty
  public long rowsWritten() {
    return RunResults.toEngine(this).rowsWritten();
  }

  /** Rows rejected by the source, the steps and the first sink. */
  @JsonProperty
  public long rowsRejected() {
    return RunResults.toEngine(this).rowsRejected();
  }

  /** Rows filtered out by steps (rows that went into a step and neither came out nor were rejected). */
  @JsonProperty
  public long rowsFiltered() {
    return RunResults.toEngine(this).rowsFiltered();
  }

  /** Rows folded by buffer and aggregate steps: the rows they batched or grouped minus what they emitted. */
  @JsonProperty
  public long rowsGrouped() {
    return RunResults.toEngine(this).rowsGrouped();
  }

  /** Rows added by steps that emit more than they take (flatMap). */
  @JsonProperty
  public long rowsAdded() {
    return RunResults.toEngine(this).rowsAdded();
  }

  /** True when every step's input equals the previous step's output and every sink took every row it was given. */
  @JsonProperty
  public boolean reconciles() {
    return RunResults.toEngine(this).reconciles();
  }

  /** One line for logs and terminals. */
  public String summary() {
    return RunResults.toEngine(this).summary();
  }
}
