package dev.lake.io;

import java.time.Instant;
import java.util.Map;

/**
 * What a sink is told when it commits.
 *
 * <pre>{@code
 * // given: Sink<Object> sink, List<WriterResult> results
 * sink.commit(results, CommitContext.of("orders-etl", "3f9a1c0b", "run-20261126T101500Z-1a2b"));
 * }</pre>
 *
 * @param pipeline the pipeline's name
 * @param commitKey a stable hash of the pipeline, its sinks and the splits the run read: a sink that keeps one copy
 *     per key holds a re-run over the same input once (lake sinks keep a split ledger instead)
 * @param runId this run's unique id
 * @param startedAt when the run started
 * @param cursors the source's cursors as they stand once this run commits (the committed ones with this run's
 *     proposals applied); a sink that commits on its own keeps them with its data, so that a crash between its
 *     commit and the lake's cannot leave the source behind what the sink holds (see
 *     {@link SplitLedger#committedCursors})
 */
public record CommitContext(String pipeline, String commitKey, String runId, Instant startedAt,
    Map<String, String> cursors) {
  public CommitContext {
    cursors = cursors == null ? Map.of() : Map.copyOf(cursors);
  }

  /** A context without cursors. */
  public CommitContext(String pipeline, String commitKey, String runId, Instant startedAt) {
    this(pipeline, commitKey, runId, startedAt, Map.of());
  }

  public static CommitContext of(String pipeline, String commitKey, String runId) {
    return new CommitContext(pipeline, commitKey, runId, Instant.now());
  }
}
