package dev.lake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sink} must do: nothing visible before the commit, nothing left by a writer closed without
 * committing, one copy after committing the same results twice (a retried commit), and a harmless second close. A
 * sink's test extends this (JUnit 5 runs the inherited tests); a clause a sink cannot keep by design is replaced by
 * overriding its protected test method with the sink's own, saying why in its Javadoc.
 *
 * <pre>{@code
 * class InMemorySinkContractTest extends SinkContract<String> {
 *   private final InMemorySink<String> sink = InMemorySink.create();
 *   protected Sink<String> sink() { return sink; }
 *   protected String row(int n) { return "row " + n; }
 *   protected long visibleRows() { return sink.rows().size(); }   // what a reader sees: committed rows only
 * }
 * }</pre>
 *
 * @param <T> the sink's row type
 */
public abstract class SinkContract<T> {

  /** A fresh sink. */
  protected abstract Sink<T> sink();

  /** The n-th test row (distinct for distinct n). */
  protected abstract T row(int n);

  /** How many rows a reader of the sink's destination sees now. */
  protected abstract long visibleRows() throws IOException;

  private List<WriterResult> writeAll(Sink<T> sink, String key, int rows, int writers) throws IOException {
    List<WriterResult> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      try (SinkWriter<T> writer = sink.open(WriterContext.of(key, w))) {
        for (int i = w; i < rows; i += writers) {
          writer.write(row(i));
        }
        results.add(writer.commit());
      }
    }
    return results;
  }

  @Test
  protected void commit_afterWriters_makesEveryRowVisibleOnce() throws IOException {
    Sink<T> sink = sink();
    List<WriterResult> results = writeAll(sink, "key1", 10, 2);
    assertThat(visibleRows()).as("visible before the sink's commit").isZero();

    CommitSummary summary = sink.commit(results, CommitContext.of("contract", "key1", "run-1"));

    assertThat(visibleRows()).isEqualTo(10);
    assertThat(summary.rows()).isEqualTo(10);
  }

  @Test
  protected void close_withoutCommit_leavesNothingVisible() throws IOException {
    Sink<T> sink = sink();
    try (SinkWriter<T> writer = sink.open(WriterContext.of("key1", 0))) {
      for (int i = 0; i < 5; i++) {
        writer.write(row(i));
      }
    }

    assertThat(visibleRows()).isZero();
  }

  @Test
  protected void commit_sameResultsTwice_keepsOneCopy() throws IOException {
    Sink<T> sink = sink();
    List<WriterResult> results = writeAll(sink, "key1", 6, 2);
    sink.commit(results, CommitContext.of("contract", "key1", "run-1"));

    sink.commit(results, CommitContext.of("contract", "key1", "run-1"));

    assertThat(visibleRows()).isEqualTo(6);
  }

  @Test
  protected void commit_differentKeys_keepsBoth() throws IOException {
    Sink<T> sink = sink();
    sink.commit(writeAll(sink, "key1", 4, 1), CommitContext.of("contract", "key1", "run-1"));

    sink.commit(writeAll(sink, "key2", 3, 1), CommitContext.of("contract", "key2", "run-2"));

    assertThat(visibleRows()).isEqualTo(7);
  }

  @Test
  protected void close_twice_isHarmless() throws IOException {
    Sink<T> sink = sink();
    SinkWriter<T> writer = sink.open(WriterContext.of("key1", 0));
    writer.write(row(1));
    WriterResult result = writer.commit();
    writer.close();
    writer.close();
    sink.commit(List.of(result), CommitContext.of("contract", "key1", "run-1"));

    assertThat(visibleRows()).isEqualTo(1);
  }
}
