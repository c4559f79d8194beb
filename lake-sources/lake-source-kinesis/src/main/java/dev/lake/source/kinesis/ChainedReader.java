package dev.lake.source.kinesis;

import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/** Reads several splits one after the other. */
final class ChainedReader<T> implements SourceReader<T> {
  private final Deque<ShardSplit<T>> splits;
  private final SourceContext ctx;
  private SourceReader<T> current;

  ChainedReader(List<ShardSplit<T>> splits, SourceContext ctx) {
    this.splits = new ArrayDeque<>(splits);
    this.ctx = ctx;
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      if (splits.isEmpty()) {
        return false;
      }
      closeCurrent();
      current = splits.poll().open(ctx);
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  @Override
  public String position() {
    return current == null ? "" : current.position();
  }

  private void closeCurrent() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException ignored) {
        // shard readers hold no resources that can fail to close
      }
    }
  }

  @Override
  public void close() {
    closeCurrent();
  }
}
