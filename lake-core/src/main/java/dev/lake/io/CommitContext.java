package dev.lake.io;

import java.time.Instant;

/**
 * What a sink is told when it commits.
 *
 * <pre>{@code
 * sink.commit(results, CommitContext.of("orders-etl", "3f9a1c0b", "run-20261126T101500Z-1a2b"));
 * }</pre>
 *
 * @param pipeline the pipeline's name
 * @param commitKey a stable hash of the pipeline, its sinks and the splits the run read: a sink that keeps one copy
 *     per key holds a re-run over the same input once (lake sinks keep a split ledger instead)
 * @param runId this run's unique id
 * @param startedAt when the run started
 */
public record CommitContext(String pipeline, String commitKey, String runId, Instant startedAt) {
  public static CommitContext of(String pipeline, String commitKey, String runId) {
    return new CommitContext(pipeline, commitKey, runId, Instant.now());
  }
}
