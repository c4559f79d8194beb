package dev.lake.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * One worker's writer. {@link #commit()} finishes its files and returns what it wrote (not yet visible: the sink's
 * commit publishes it); {@link #close()} without {@code commit()} aborts and leaves nothing behind. Not thread-safe.
 *
 * <pre>{@code
 * // given: Sink<Sale> sink, List<Sale> sales, List<WriterResult> results
 * try (SinkWriter<Sale> writer = sink.open(WriterContext.of("run-1", 0))) {
 *   for (Sale s : sales) writer.write(s);
 *   results.add(writer.commit());
 * }
 * }</pre>
 */
public interface SinkWriter<T> extends Closeable {

  /** Writes one row. A row the sink cannot take is reported through {@link WriterContext#reject}, not thrown. */
  void write(T row) throws IOException;

  /**
   * Called before the rows of each input split: the rows written from now on come from the split with this id
   * ({@link Source#id()}). A sink that keeps a ledger of its input (the lake sink records, per file, the splits whose
   * rows it holds, so that committed input is never added again) remembers it; the default ignores it.
   */
  default void startSplit(String splitId) {}

  /**
   * {@link #startSplit(String)}, with the split's place in the run's input ({@code order}: 0-based, the source's
   * order of the splits; -1 when unknown). Writers of one run read splits in parallel, so a sink that keeps the later
   * of two rows with one key across writers (an upsert) compares this order, as one writer would see them. The
   * default ignores the order.
   */
  default void startSplit(String splitId, int order) {
    startSplit(splitId);
  }

  /** Pushes buffered rows out (an idle flush for streams). The default does nothing. */
  default void flush() throws IOException {}

  /** Finishes this writer and returns what it wrote, for {@link Sink#commit}. */
  WriterResult commit() throws IOException;

  /** Releases resources; without a prior {@link #commit()}, discards everything written. Idempotent. */
  @Override
  void close() throws IOException;
}
