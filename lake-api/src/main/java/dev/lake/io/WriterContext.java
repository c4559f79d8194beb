package dev.lake.io;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * What a sink writer is told about its run: the id of its attempt, which its file names carry, its worker index,
 * when the run started, and where rows it rejects go.
 *
 * <pre>{@code
 * // given: List<BadRow> badRows
 * WriterContext ctx = WriterContext.of("20261207T101500Z-1a2b3c4d", 0, badRows::add);
 * String fileName = "part-" + ctx.attemptId() + "-" + ctx.writerIndex() + "-0.parquet";
 * }</pre>
 *
 * @param commitKey the id of this writer's attempt: the run id, with a suffix for a Spark task attempt or a later
 *     round of the same run; unique, so that no two attempts ever write the same file name (see {@link #attemptId})
 * @param writerIndex this writer's index among the run's parallel writers (0-based)
 * @param startedAt when the run started (for ingest-date partitions)
 * @param rejects where the writer reports rows it cannot write
 */
public record WriterContext(String commitKey, int writerIndex, Instant startedAt, Consumer<BadRow> rejects) {

  public static WriterContext of(String commitKey, int writerIndex, Consumer<BadRow> rejects) {
    return new WriterContext(commitKey, writerIndex, Instant.now(), rejects);
  }

  /** A context whose rejects fail with an exception. */
  public static WriterContext of(String commitKey, int writerIndex) {
    return of(commitKey, writerIndex, row -> {
      throw new dev.lake.exceptions.BadRowException(row.toString(), java.util.List.of(row));
    });
  }

  /** The id of this writer's attempt, unique to it: file names carry it so that no attempt overwrites another's. */
  public String attemptId() {
    return commitKey;
  }

  /** Reports a row this writer cannot write. */
  public void reject(BadRow row) {
    rejects.accept(row);
  }
}
