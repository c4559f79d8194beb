package dev.lake.io;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * What a sink writer is told about its run: the commit key its file names derive from, its worker index, when the
 * run started, and where rows it rejects go.
 *
 * <pre>{@code
 * WriterContext ctx = WriterContext.of("3f9a1c0b", 0, badRows::add);
 * String fileName = "part-" + ctx.commitKey() + "-" + ctx.writerIndex() + "-0.parquet";
 * }</pre>
 *
 * @param commitKey a stable hash of the pipeline and its input; the same input gives the same key
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

  /** Reports a row this writer cannot write. */
  public void reject(BadRow row) {
    rejects.accept(row);
  }
}
