package dev.lake.io;

import java.io.IOException;
import java.util.Map;

/**
 * A sink that keeps its own ledger of the input it holds, next to its data: which input splits
 * ({@link Source#id()}) its committed rows came from. The runner reads it when it plans a run and, for a sink that
 * {@link #appendsOnly() appends}, skips every split the sink holds already (or gives the split's rows only to the
 * pipeline's other sinks that lack it), so that a re-run, a retried run or a run over overlapping input never adds
 * a split twice. The sink's commit checks the ledger again against what is committed at that moment and refuses
 * splits committed meanwhile with {@link dev.lake.exceptions.SplitsCommittedException}, which makes the runner
 * read the rest in another round. The lake's own datasets keep this ledger in their manifests; an Apache Iceberg
 * table keeps it in its snapshots.
 *
 * <pre>{@code
 * abstract class TableSink<T> implements Sink<T>, SplitLedger {
 *   WriteMode mode = WriteMode.APPEND;
 *
 *   abstract Map<String, String> splitsWithRuns() throws IOException;   // read from the table's own metadata
 *
 *   public Map<String, String> committedSplits() throws IOException { return splitsWithRuns(); }
 *   public boolean appendsOnly() { return mode == WriteMode.APPEND; }
 * }
 * }</pre>
 */
public interface SplitLedger {

  /** Every split whose rows this sink holds, with the id of the run that committed it ("" when not known). */
  Map<String, String> committedSplits() throws IOException;

  /**
   * True when the sink only adds rows (an append): then input it holds is skipped. An overwrite replaces what it
   * holds and reads everything.
   */
  boolean appendsOnly();

  /**
   * The source cursors this sink committed with the newest of its commits by {@code pipeline}, the run that committed
   * them and when. The runner uses them where the lake's state does not hold that run and was committed before it (a
   * crash came between the sink's commit and the lake's), or where the pipeline has no lake. The default keeps none.
   */
  default java.util.Optional<Cursors> committedCursors(String pipeline) throws IOException {
    return java.util.Optional.empty();
  }

  /**
   * Cursors a sink committed, the run that committed them and when.
   *
   * <pre>{@code
   * SplitLedger.Cursors c = SplitLedger.Cursors.of("run-1", Instant.parse("2026-12-07T10:15:00Z"),
   *     Map.of("page", "42"));
   * }</pre>
   *
   * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the
   * sinks that build it. The values are an unmodifiable copy (null ones are refused, as by the record).
   */
  final class Cursors {
    private final String runId;
    private final java.time.Instant committedAt;
    private final Map<String, String> values;

    private Cursors(String runId, java.time.Instant committedAt, Map<String, String> values) {
      this.runId = runId;
      this.committedAt = committedAt;
      this.values = Map.copyOf(values);
    }

    /**
     * Cursors a sink committed.
     *
     * @param runId the run
     * @param committedAt when the sink committed them
     * @param values the cursors
     * @throws NullPointerException when values is null or holds a null key or value
     */
    public static Cursors of(String runId, java.time.Instant committedAt, Map<String, String> values) {
      return new Cursors(runId, committedAt, values);
    }

    /** The run. */
    public String runId() {
      return runId;
    }

    /** When the sink committed them. */
    public java.time.Instant committedAt() {
      return committedAt;
    }

    /** The cursors. */
    public Map<String, String> values() {
      return values;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Cursors c && java.util.Objects.equals(runId, c.runId)
          && java.util.Objects.equals(committedAt, c.committedAt) && values.equals(c.values);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(runId, committedAt, values);
    }

    /** Every value, named, as the record printed them. */
    @Override
    public String toString() {
      return "Cursors[runId=" + runId + ", committedAt=" + committedAt + ", values=" + values + "]";
    }
  }
}
