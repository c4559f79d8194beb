package dev.lake.io;

import java.io.IOException;
import java.util.List;

/**
 * A sink for crash tests that "kills" the run where the test says, set between runs: while writing (after a number of
 * rows per writer), or in its commit, which runs before the run's own commit (of the lake's files and the cursors,
 * together): a run killed there commits nothing. Otherwise it counts rows and keeps nothing (in lake-core's test jar).
 *
 * <pre>{@code
 * CrashingSink<Event> crash = new CrashingSink<>("consumer");
 * Pipeline<Event> consumer = Pipeline.from(kinesisSource).to(lake.processed("events")).to(crash);
 * crash.failAfterRows(150);  // consumer.run() fails while writing: nothing committed
 * crash.failAtCommit();      // the run fails just before its commit: no file, no checkpoint
 * crash.heal();              // consumer.run() goes through
 * }</pre>
 *
 * @param <T> the row type
 */
public final class CrashingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String process;
  private volatile int failAfterRows = -1;
  private volatile boolean failAtCommit;

  /** A sink that, when it fails, says {@code process} was killed. */
  public CrashingSink(String process) {
    this.process = process;
  }

  /** From now on each writer fails on its row {@code rows + 1}. */
  public void failAfterRows(int rows) {
    failAfterRows = rows;
    failAtCommit = false;
  }

  /** From now on the writers go through and the commit fails. */
  public void failAtCommit() {
    failAfterRows = -1;
    failAtCommit = true;
  }

  /** From now on nothing fails. */
  public void heal() {
    failAfterRows = -1;
    failAtCommit = false;
  }

  @Override
  public String name() {
    return "crash";
  }

  @Override
  public SinkWriter<T> open(WriterContext ctx) {
    return new SinkWriter<>() {
      int rows;

      @Override
      public void write(T row) throws IOException {
        if (failAfterRows >= 0 && ++rows > failAfterRows) {
          // An I/O failure fails the run; a RuntimeException from a sink's write would be taken for a bad row of
          // the step before it.
          throw new IOException(process + " killed after " + failAfterRows + " rows");
        }
      }

      @Override
      public WriterResult commit() {
        return WriterResult.of(ctx.writerIndex(), rows, List.of());
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public CommitSummary commit(List<WriterResult> results, CommitContext ctx) {
    if (failAtCommit) {
      throw new IllegalStateException(process + " killed between the writers and the run's commit");
    }
    return CommitSummary.builder().sink(name()).rows(results.stream().mapToLong(WriterResult::rows).sum())
        .build();
  }
}
