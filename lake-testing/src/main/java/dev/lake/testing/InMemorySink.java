package dev.lake.testing;

import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sink that keeps committed rows in memory: rows become visible in {@link #rows()} only when the run commits, and
 * committing the same commit key twice keeps one copy (a sink keyed by the run's input key). For tests.
 *
 * <pre>{@code
 * // given: Source<Sale> source
 * import static org.assertj.core.api.Assertions.assertThat;
 * InMemorySink<Sale> sink = InMemorySink.create();
 * Pipeline.from(source).to(sink).run();
 * assertThat(sink.rows()).hasSize(2);
 * }</pre>
 */
public final class InMemorySink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final transient List<Batch<T>> committed = Collections.synchronizedList(new ArrayList<>());
  private final transient List<List<T>> pending = Collections.synchronizedList(new ArrayList<>());

  private record Batch<T>(String commitKey, List<T> rows) {}

  private InMemorySink() {}

  public static <T> InMemorySink<T> create() {
    return new InMemorySink<>();
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public SinkWriter<T> open(WriterContext ctx) {
    List<T> buffer = new ArrayList<>();
    int slot;
    synchronized (pending) {
      slot = pending.size();
      pending.add(null);
    }
    return new SinkWriter<>() {
      private boolean done;

      @Override
      public void write(T row) {
        buffer.add(row);
      }

      @Override
      public WriterResult commit() {
        done = true;
        pending.set(slot, buffer);
        return WriterResult.builder().writerIndex(ctx.writerIndex()).rows(buffer.size())
            .metadata(java.util.Map.of("slot", String.valueOf(slot))).build();
      }

      @Override
      public void close() {
        if (!done) {
          buffer.clear();
        }
      }
    };
  }

  @Override
  public CommitSummary commit(List<WriterResult> results, CommitContext ctx) {
    List<T> rows = new ArrayList<>();
    for (WriterResult r : results) {
      rows.addAll(pending.get(Integer.parseInt(r.metadata().get("slot"))));
    }
    synchronized (committed) {
      committed.removeIf(b -> b.commitKey().equals(ctx.commitKey()));
      committed.add(new Batch<>(ctx.commitKey(), rows));
    }
    return CommitSummary.builder().sink(name()).version(committed.size()).rows(rows.size()).build();
  }

  /** Every committed row, in commit order. */
  public List<T> rows() {
    synchronized (committed) {
      List<T> all = new ArrayList<>();
      committed.forEach(b -> all.addAll(b.rows()));
      return all;
    }
  }

  /** Rows kept in memory need no AWS permission. */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.empty();
  }
}
