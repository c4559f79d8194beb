package dev.lake.internal.runner;

import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.SourceException;
import dev.lake.io.BadRow;
import dev.lake.io.SinkWriter;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.io.WriterResult;
import dev.lake.transforms.Merging;
import dev.lake.transforms.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;

/**
 * One parallel worker: takes splits from the shared queue until it is empty, pushes each row through the steps into
 * its own sink writers, then lets each step emit what it still holds ({@link Step#finish}). Rows stream one at a
 * time, so memory does not grow with the input (beyond what a buffer or aggregate step holds).
 *
 * <p>The worker knows its steps only through {@link Step}: how to count their outputs ({@link Step#output()}) and
 * whether they merge across workers ({@link Step#merging()}). In a pipeline with a merging step (an aggregate), a
 * worker stops at the first one: it opens no sink writer, and at the end of its input hands over that step's
 * {@linkplain Merging#partial() partial} ({@link #partials()}) instead of finishing it. The merged results then go
 * through one more worker, the {@linkplain #tail tail}, from the step after it on.
 */
final class Worker implements SourceContext {
  private final RunState run;
  private final int index;
  private final List<Step<Object, Object>> steps;
  private final List<SinkWriter<Object>> writers = new ArrayList<>();
  private final Counters counters;
  private final List<Consumer<Object>> chain = new ArrayList<>();
  private final List<Consumer<Object>> emits = new ArrayList<>();
  private SinkWriter<GenericRecord> rejectedWriter;
  private String position = "";
  /** The reader whose last row is being processed: asked where it is only when needed (a String per row otherwise). */
  private SourceReader<Object> positionOf;
  /** The first merging step, where this worker stops; or steps.size() when it runs every step into the sinks. */
  private final int stopAt;
  /** Per sink: true while the current split is one that sink already holds (its rows go to the others only). */
  private boolean[] held;
  private final List<String> splitsRead = new ArrayList<>();
  private volatile List<WriterResult> staged;
  /** The step running now on this worker's thread (-1: the source; steps.size(): the sinks), for warnings. */
  private int current = -1;

  /** A worker reading splits (in a pipeline that merges across workers: up to its first merging step). */
  Worker(RunState run, int index) throws IOException {
    this(run, index, mergeAt(run.pipeline.steps()));
  }

  private Worker(RunState run, int index, int stopAt) throws IOException {
    this.run = run;
    this.index = index;
    this.stopAt = stopAt;
    this.steps = run.pipeline.steps().stream().map(Step::forWorker).toList();
    this.counters = new Counters(steps.size(), run.pipeline.sinks().size());
    this.held = new boolean[run.pipeline.sinks().size()];
    if (stopAt == steps.size()) {
      for (var sink : run.pipeline.sinks()) {
        writers.add(sink.open(run.writerContext(index, this::rejectFromSink)));
      }
    }
    if (run.rejectedSink != null) {
      rejectedWriter = run.rejectedSink.open(run.writerContext(index, row -> {
        throw new LakeException("Cannot write bad row to the rejected zone: " + row);
      }));
    }
    buildChain();
  }

  /**
   * The worker that takes a merging step's results through the steps after it into the sinks. Its rows come from
   * every split the workers read ({@code splits}), so it counts them as read.
   */
  static Worker tail(RunState run, int index, List<String> splits) throws IOException {
    Worker tail = new Worker(run, index, run.pipeline.steps().size());
    tail.splitsRead.addAll(splits);
    return tail;
  }

  /** The index of the first step that merges across workers, or {@code steps.size()} when there is none. */
  static int mergeAt(List<Step<Object, Object>> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).merging().isPresent()) {
        return i;
      }
    }
    return steps.size();
  }

  private void buildChain() {
    // chain[i] feeds step i; chain[steps.size()] feeds the sinks.
    for (int i = 0; i < steps.size() + 1; i++) {
      chain.add(null);
      emits.add(null);
    }
    chain.set(steps.size(), row -> {
      int outer = current;
      current = steps.size();
      try {
        toSinks(row);
      } finally {
        current = outer;
      }
    });
    for (int i = steps.size() - 1; i >= 0; i--) {
      final int s = i;
      final Step<Object, Object> step = steps.get(i);
      final Consumer<Object> next = chain.get(i + 1);
      final boolean batches = step.output() == Step.Output.BATCHES;
      final boolean groups = step.output() == Step.Output.GROUPS;
      final Consumer<Object> emit = out -> {
        counters.stepOut[s]++;
        if (batches && out instanceof Collection<?> batch) {
          counters.stepBatched[s] += batch.size();
        }
        try {
          next.accept(out);
        } catch (Downstream d) {
          throw d;
        } catch (RuntimeException e) {
          throw new Downstream(e);
        }
      };
      emits.set(i, emit);
      chain.set(i, row -> {
        counters.stepIn[s]++;
        int outer = current;
        current = s;
        try {
          step.apply(row, emit);
          if (groups) {
            counters.stepBatched[s]++;
          }
        } catch (Downstream d) {
          throw d; // a later step or a sink failed: not this step's row to reject
        } catch (LakeException e) {
          if (e instanceof dev.lake.exceptions.SchemaException) {
            rejectAtStep(s, row, e);
          } else {
            throw e;
          }
        } catch (Exception e) {
          rejectAtStep(s, row, e);
        } finally {
          current = outer;
        }
      });
    }
  }

  private void toSinks(Object row) {
    if (stopAt < steps.size()) {
      throw new IllegalStateException("A row passed merging step " + steps.get(stopAt).name() + " in a worker");
    }
    for (int s = 0; s < writers.size(); s++) {
      if (held[s]) {
        continue; // this sink committed the split already
      }
      counters.sinkIn[s]++;
      try {
        writers.get(s).write(row);
      } catch (LakeException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new dev.lake.exceptions.SinkException("lake", run.pipeline.sinks().get(s).name() + " failed at "
            + position() + ": " + Causes.describe(e) + ". Nothing was committed.", e);
      }
    }
  }

  private void rejectAtStep(int s, Object row, Exception e) {
    counters.stepRejected[s]++;
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
        + e.getMessage();
    record(BadRow.of(steps.get(s).name(), reason, position(), run.json(row)));
  }

  private void rejectFromSink(BadRow row) {
    // The sink index is not known here; sink-rejected rows are attributed to the first sink that reports them.
    for (int s = 0; s < writers.size(); s++) {
      if (run.pipeline.sinks().get(s).name().equals(row.step())) {
        counters.sinkRejected[s]++;
        break;
      }
    }
    record(BadRow.of(row.step(), row.reason(), row.position().isEmpty() ? position() : row.position(), row.value()));
  }

  /** Where the row being processed came from: the source's position, or what the worker is doing. */
  private String position() {
    return positionOf != null ? positionOf.position() : position;
  }

  private void record(BadRow row) {
    run.badRows.accept(row);
    if (rejectedWriter != null) {
      try {
        rejectedWriter.write(run.rejectedRecord(row));
      } catch (IOException e) {
        throw new LakeException("Cannot write bad row to the rejected zone: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Reads splits until none are left, the run failed or its deadline passed; then, unless the run failed, finishes
   * the steps in order, so that what a buffer still holds reaches the writers before they commit.
   */
  void runSplits(Queue<Source<Object>> splits) {
    WarningCounts.on(this::warn, () -> {
      readSplits(splits);
      if (!run.failed()) {
        String last = position();
        positionOf = null;
        position = last.isEmpty() ? "end of input" : "end of input after " + last;
        finishSteps(0, stopAt);
      }
    });
  }

  /** This worker's partial of the merging step it stopped at (one), or none. */
  List<Object> partials() {
    if (stopAt == steps.size()) {
      return List.of();
    }
    Object partial = steps.get(stopAt).merging().orElseThrow().partial();
    if (partial == null) {
      throw new LakeException("Step '" + steps.get(stopAt).name() + "' merges across workers but its partial() "
          + "returned null: return the empty state instead (a worker that saw no row hands that over too)");
    }
    return List.of(partial);
  }

  /**
   * The tail's work: merges the workers' partials of the first merging step, pushes its results through the later
   * steps (a row they reject names the result, e.g. its group), then finishes them.
   */
  void runMerge(List<Object> partials) {
    WarningCounts.on(this::warn, () -> {
      int m = mergeAt(steps);
      current = m;
      emitMerged(m, partials);
      finishSteps(m + 1, steps.size());
    });
  }

  /**
   * Merges {@code partials} in order on step {@code s}'s instance of this worker (its own state when there are none)
   * and emits the results through the later steps. A merge or results that throw fail the run: the rows behind a
   * partial cannot be set aside one by one.
   */
  private void emitMerged(int s, List<Object> partials) {
    Step<Object, Object> step = steps.get(s);
    @SuppressWarnings("unchecked")
    Merging<Object, Object> merging = (Merging<Object, Object>) step.merging().orElseThrow();
    Object merged;
    try {
      merged = partials.isEmpty() ? merging.partial() : partials.get(0);
      for (int i = 1; i < partials.size(); i++) {
        merged = merging.merge(merged, partials.get(i));
      }
    } catch (LakeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LakeException("Step '" + step.name() + "' failed to merge the partials of its workers: " + e
          + ". Nothing is committed (the rows behind a partial cannot be set aside as bad rows); fix its merge and "
          + "run again", e);
    }
    Consumer<Object> emit = emits.get(s);
    try {
      merging.results(merged, (row, what) -> {
        positionOf = null;
        position = what + " of " + step.name();
        emit.accept(row);
      });
    } catch (Downstream d) {
      throw (RuntimeException) d.getCause();
    } catch (LakeException e) {
      throw e;
    } catch (Exception e) {
      throw new LakeException("Step '" + step.name() + "' failed to produce its results: " + e + ". Nothing is "
          + "committed (the rows behind a result cannot be set aside as bad rows); fix its results and run again",
          e);
    }
    positionOf = null;
    position = "end of the results of " + step.name();
  }

  /**
   * Reads splits until none are left, the run failed or its deadline passed. At a deadline a worker stops within a
   * split only when the source proposes cursors (what it read is then the split, up to the cursor); other sources'
   * splits are read to their end, so a split is either committed whole or not at all.
   */
  private void readSplits(Queue<Source<Object>> splits) {
    boolean stopWithin = run.pipeline.source().proposesCursors();
    Source<Object> split;
    while (!run.failed() && !run.pastDeadline() && (split = splits.poll()) != null) {
      String id = split.id();
      startSplit(id);
      try (SourceReader<Object> reader = split.open(this)) {
        try {
          if (readRows(id, reader, stopWithin)) {
            return;
          }
        } finally {
          if (positionOf == reader) {
            position = reader.position(); // the last row's, kept past the reader's close
            positionOf = null;
          }
        }
      } catch (IOException e) {
        throw new SourceException(split.name(), "Cannot read " + split.id() + ": " + e.getMessage()
            + ". Nothing was committed.", e);
      }
      splitsRead.add(id);
      run.progress.splitDone(counters.rowsRead);
    }
  }

  /** Pushes the reader's rows through the steps; true when the worker is to stop (the run failed, or its deadline). */
  private boolean readRows(String id, SourceReader<Object> reader, boolean stopWithin) {
    Consumer<Object> head = chain.get(0);
    while (reader.hasNext()) {
      Object row = reader.next();
      counters.rowsRead++;
      positionOf = reader; // asked where it is only if a message needs it
      try {
        head.accept(row);
      } catch (Downstream d) {
        throw (RuntimeException) d.getCause();
      }
      if (run.failed()) {
        return true;
      }
      if (stopWithin && run.pastDeadline()) {
        splitsRead.add(id);
        return true;
      }
    }
    return false;
  }

  private void startSplit(String id) {
    int order = run.plan.order(id);
    for (int s = 0; s < writers.size(); s++) {
      held[s] = run.plan.held(s, id);
      writers.get(s).startSplit(id, order);
    }
    if (rejectedWriter != null) {
      rejectedWriter.startSplit(id);
    }
  }

  /** The ids of the splits this worker read. */
  List<String> splitsRead() {
    return List.copyOf(splitsRead);
  }

  /**
   * Calls each step's {@link Step#finish} in order (a merging step after the first, which saw every row here, emits
   * the results of its own partial instead); what one emits goes through the later steps (rows they reject are their
   * bad rows) before their own finish. An exception of a step's own finish fails the run whatever the bad-row policy:
   * the rows it held cannot be named one by one, so failing (nothing committed, the next run reads them again) is the
   * only way not to lose them.
   */
  private void finishSteps(int from, int to) {
    for (int s = from; s < to; s++) {
      Step<Object, Object> step = steps.get(s);
      current = s;
      if (step.merging().isPresent()) {
        emitMerged(s, List.of());
        continue;
      }
      try {
        step.finish(emits.get(s));
      } catch (Downstream d) {
        throw (RuntimeException) d.getCause();
      } catch (Exception e) {
        throw new LakeException("Step '" + step.name() + "' failed to finish writer " + index + " at the end of its "
            + "input: " + e + ". Nothing is committed (rows a step holds at the end cannot be set aside as bad rows); "
            + "fix the step and run again", e);
      }
    }
  }

  /** Finishes this worker's writers, which stage their files: nothing is visible until the run commits. */
  List<WriterResult> stage() throws IOException {
    List<WriterResult> results = new ArrayList<>();
    for (SinkWriter<Object> w : writers) {
      results.add(w.commit());
    }
    if (rejectedWriter != null) {
      run.addRejectedResult(rejectedWriter.commit());
    }
    staged = List.copyOf(results);
    return staged;
  }

  /** What {@link #stage} returned, or null before it did (or when it failed). */
  List<WriterResult> staged() {
    return staged;
  }

  /** Closes every writer; those not staged yet discard what they wrote. */
  void close() {
    for (SinkWriter<Object> w : writers) {
      closeQuietly(w);
    }
    if (rejectedWriter != null) {
      closeQuietly(rejectedWriter);
    }
  }

  private static void closeQuietly(SinkWriter<?> w) {
    try {
      w.close();
    } catch (IOException | RuntimeException ignored) {
      // best effort: the run is failing or done already
    }
  }

  Counters counters() {
    return counters;
  }

  int index() {
    return index;
  }

  @Override
  public void reject(BadRow row) {
    counters.sourceRejected++;
    record(row);
  }

  /**
   * A warning from the source ({@link SourceContext#warn}) or, through {@link dev.lake.io.Warnings#warn}, from the
   * step or sink running on this thread: counted under its name, logged once.
   */
  @Override
  public void warn(String kind, String message) {
    String by = current < 0 ? run.pipeline.source().name()
        : current < steps.size() ? steps.get(current).name() : "sinks";
    String where = position();
    long nth = counters.warnings.add(by, kind, message + (where.isEmpty() || message.contains(where) ? ""
        : " (at " + where + ")"));
    WarningCounts.log(nth, run.pipeline.name(), by, kind, message);
  }

  @Override
  public Optional<String> cursor(String key) {
    return Optional.ofNullable(run.cursorsBefore.get(key));
  }

  @Override
  public void proposeCursor(String key, String value) {
    run.proposedCursors.put(key, value);
  }

  /**
   * Carries an exception from further down the chain (a later step or a sink) through the steps before it, so that
   * they do not mistake it for a failure of their own row.
   */
  private static final class Downstream extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Downstream(RuntimeException cause) {
      super(cause);
    }
  }
}
