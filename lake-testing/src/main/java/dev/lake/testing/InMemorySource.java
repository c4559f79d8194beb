package dev.lake.testing;

import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source over rows held in memory, split into a given number of parts. For tests and small lookup tables; the
 * rows must be serializable to run on Spark.
 *
 * <pre>{@code
 * // given: Sale sale1, Sale sale2, Sink<Sale> sink
 * Source<Sale> sales = InMemorySource.of("sales", List.of(sale1, sale2)).withSplits(2);
 * Pipeline.from(sales).to(sink).run();
 * }</pre>
 */
public final class InMemorySource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<T> rows;
  private final int splits;
  private final int part; // -1 for the whole source

  private InMemorySource(String name, List<T> rows, int splits, int part) {
    this.name = name;
    this.rows = rows;
    this.splits = splits;
    this.part = part;
  }

  /** A source named {@code name} over {@code rows} (copied), in one split. */
  public static <T> InMemorySource<T> of(String name, List<? extends T> rows) {
    Objects.requireNonNull(name, "name");
    return new InMemorySource<>(name, List.copyOf(rows), 1, -1);
  }

  /** The same rows in {@code count} splits of about equal size. */
  public InMemorySource<T> withSplits(int count) {
    if (count < 1) {
      throw new dev.lake.exceptions.ValidationException("Split count must be at least 1 but was " + count);
    }
    return new InMemorySource<>(name, rows, count, -1);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String id() {
    return "memory:" + name + (part < 0 ? "" : "#" + part + "/" + splits) + ":" + rows.size() + ":"
        + rows.hashCode();
  }

  @Override
  public List<InMemorySource<T>> split(SourceContext ctx) {
    if (part >= 0 || splits == 1) {
      return List.of(part >= 0 ? this : new InMemorySource<>(name, rows, 1, 0));
    }
    List<InMemorySource<T>> out = new ArrayList<>();
    for (int i = 0; i < splits; i++) {
      out.add(new InMemorySource<>(name, rows, splits, i));
    }
    return out;
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) {
    int from = part < 0 ? 0 : (int) ((long) rows.size() * part / splits);
    int to = part < 0 ? rows.size() : (int) ((long) rows.size() * (part + 1) / splits);
    List<T> slice = rows.subList(from, to);
    return new SourceReader<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < slice.size();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return slice.get(next++);
      }

      @Override
      public String position() {
        return "memory:" + name + ":" + (from + next);
      }

      @Override
      public void close() {}
    };
  }

  /** Rows in memory need no AWS permission. */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.empty();
  }
}
