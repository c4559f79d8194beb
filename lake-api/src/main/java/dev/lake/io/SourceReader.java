package dev.lake.io;

import java.io.Closeable;
import java.util.Iterator;

/**
 * An open source: an iterator over rows that knows where the last row came from.
 *
 * <pre>{@code
 * // given: Source<GenericRecord> source, SourceContext ctx
 * try (SourceReader<GenericRecord> reader = source.open(ctx)) {
 *   while (reader.hasNext()) {
 *     GenericRecord row = reader.next();
 *     String where = reader.position(); // "file:///data/2010-12-01.csv:2"
 *   }
 * }
 * }</pre>
 */
public interface SourceReader<T> extends Iterator<T>, Closeable {

  /** Where the row last returned by {@link #next()} came from, e.g. {@code file:///data/x.csv:42}. */
  String position();

  /** Wraps an iterator whose rows have no position of their own; {@code name} stands for all of them. */
  static <T> SourceReader<T> of(Iterator<T> rows, String name) {
    return new SourceReader<>() {
      private long index;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public T next() {
        T next = rows.next();
        index++;
        return next;
      }

      @Override
      public String position() {
        return name + ":" + index;
      }

      @Override
      public void close() {}
    };
  }
}
