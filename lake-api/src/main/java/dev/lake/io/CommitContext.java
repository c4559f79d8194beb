package dev.lake.io;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a sink is told when it commits.
 *
 * <pre>{@code
 * // given: Sink<Object> sink, List<WriterResult> results
 * sink.commit(results, CommitContext.of("orders-etl", "3f9a1c0b", "run-20261126T101500Z-1a2b"));
 * CommitContext resumed = CommitContext.builder().pipeline("orders-etl").commitKey("3f9a1c0b")
 *     .runId("run-20261126T101500Z-1a2b").startedAt(Instant.parse("2026-11-26T10:15:00Z"))
 *     .cursors(Map.of("page", "42")).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the sinks
 * that read it. The cursors are an unmodifiable copy; null ones are empty.
 */
public final class CommitContext {
  private final String pipeline;
  private final String commitKey;
  private final String runId;
  private final Instant startedAt;
  private final Map<String, String> cursors;

  private CommitContext(Builder b) {
    pipeline = b.pipeline;
    commitKey = b.commitKey;
    runId = b.runId;
    startedAt = b.startedAt;
    cursors = b.cursors == null ? Map.of() : Map.copyOf(b.cursors);
  }

  /** A builder: nothing set, the start time null, the cursors empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A context of a run started now, without cursors. */
  public static CommitContext of(String pipeline, String commitKey, String runId) {
    return builder().pipeline(pipeline).commitKey(commitKey).runId(runId).startedAt(Instant.now()).build();
  }

  /** A builder holding this context's values, to change some of them. */
  public Builder toBuilder() {
    return builder().pipeline(pipeline).commitKey(commitKey).runId(runId).startedAt(startedAt).cursors(cursors);
  }

  /** The pipeline's name. */
  public String pipeline() {
    return pipeline;
  }

  /**
   * A stable hash of the pipeline, its sinks and the splits the run read: a sink that keeps one copy per key holds a
   * re-run over the same input once (lake sinks keep a split ledger instead).
   */
  public String commitKey() {
    return commitKey;
  }

  /** This run's unique id. */
  public String runId() {
    return runId;
  }

  /** When the run started. */
  public Instant startedAt() {
    return startedAt;
  }

  /**
   * The source's cursors as they stand once this run commits (the committed ones with this run's proposals applied);
   * a sink that commits on its own keeps them with its data, so that a crash between its commit and the lake's cannot
   * leave the source behind what the sink holds (see {@link SplitLedger#committedCursors}).
   */
  public Map<String, String> cursors() {
    return cursors;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof CommitContext c && Objects.equals(pipeline, c.pipeline)
        && Objects.equals(commitKey, c.commitKey) && Objects.equals(runId, c.runId)
        && Objects.equals(startedAt, c.startedAt) && cursors.equals(c.cursors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pipeline, commitKey, runId, startedAt, cursors);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "CommitContext[pipeline=" + pipeline + ", commitKey=" + commitKey + ", runId=" + runId + ", startedAt="
        + startedAt + ", cursors=" + cursors + "]";
  }

  /** Builds a {@link CommitContext}; the runner builds one for each commit. */
  public static final class Builder {
    private String pipeline;
    private String commitKey;
    private String runId;
    private Instant startedAt;
    private Map<String, String> cursors;

    private Builder() {}

    /** Sets {@link CommitContext#pipeline()}. */
    public Builder pipeline(String value) {
      this.pipeline = value;
      return this;
    }

    /** Sets {@link CommitContext#commitKey()}. */
    public Builder commitKey(String value) {
      this.commitKey = value;
      return this;
    }

    /** Sets {@link CommitContext#runId()}. */
    public Builder runId(String value) {
      this.runId = value;
      return this;
    }

    /** Sets {@link CommitContext#startedAt()}. */
    public Builder startedAt(Instant value) {
      this.startedAt = value;
      return this;
    }

    /** Sets {@link CommitContext#cursors()}. */
    public Builder cursors(Map<String, String> value) {
      this.cursors = value;
      return this;
    }

    /** The {@link CommitContext} of the values set. */
    public CommitContext build() {
      return new CommitContext(this);
    }
  }
}
