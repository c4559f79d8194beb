package dev.lake.transforms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The step behind {@code Pipeline.buffer}: gathers rows into batches by the {@link Buffer}'s limits. Each worker has
 * its own instance ({@link #forWorker()}); the one in the pipeline only describes the step. Its outputs are
 * {@linkplain Step.Output#BATCHES batches}: the runner counts the rows inside them, so that the run report does not
 * call them filtered.
 *
 * <pre>{@code
 * Step<Sale, List<Sale>> step = Buffer.<Sale>ofRows(500).toStep("buffer-1");
 * }</pre>
 *
 * @param <T> the rows buffered
 */
final class BufferStep<T> implements Step<T, List<T>> {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final Buffer<T> buffer;
  private transient List<T> rows;
  private transient long bytes;
  private transient long firstAt;

  BufferStep(String name, Buffer<T> buffer) {
    this.name = name;
    this.buffer = buffer;
  }

  @Override
  public String name() {
    return name;
  }

  public Buffer<T> buffer() {
    return buffer;
  }

  /** Batches: the run report counts the rows inside them. */
  @Override
  public Output output() {
    return Output.BATCHES;
  }

  @Override
  public Step<T, List<T>> forWorker() {
    return new BufferStep<>(name, buffer);
  }

  /**
   * Adds the row, emitting the batch first when the row arrives too late to join it or would take it past the byte
   * limit, and after when the batch is full. A row the sizer fails on is rejected before anything changes.
   */
  @Override
  public void apply(T row, Consumer<? super List<T>> out) {
    long size = buffer.sizeOf(row);
    long now = buffer.maxAge() == null ? 0 : buffer.nanoTime();
    if (rows != null && !rows.isEmpty()) {
      boolean late = buffer.maxAge() != null && now - firstAt >= buffer.maxAge().toNanos();
      boolean tooBig = buffer.maxBytes() > 0 && bytes + size > buffer.maxBytes();
      if (late || tooBig) {
        emit(out);
      }
    }
    if (rows == null || rows.isEmpty()) {
      rows = new ArrayList<>();
      bytes = 0;
      firstAt = now;
    }
    rows.add(row);
    bytes += size;
    boolean full = buffer.maxRows() > 0 && rows.size() >= buffer.maxRows();
    if (full || buffer.maxBytes() > 0 && bytes >= buffer.maxBytes()) {
      emit(out);
    }
  }

  /** Emits the last, partial batch, if any. */
  @Override
  public void finish(Consumer<? super List<T>> out) {
    if (rows != null && !rows.isEmpty()) {
      emit(out);
    }
  }

  private void emit(Consumer<? super List<T>> out) {
    List<T> batch = Collections.unmodifiableList(rows);
    rows = new ArrayList<>();
    bytes = 0;
    out.accept(batch);
  }

  @Override
  public String toString() {
    return name + " " + buffer;
  }
}
