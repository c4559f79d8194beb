package dev.lake.internal.runner;

import dev.lake.exceptions.LakeException;
import dev.lake.internal.lake.RunResult;
import dev.lake.io.Source;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a pipeline in this JVM: plans the run ({@link RunPlan}), reads the splits on a pool of workers that take them
 * from one queue (each with its own sink writers, staging files under names unique to the attempt), then commits once
 * ({@link RunCommit}). A pipeline that merges across workers (an aggregate) has its workers' partials merged and
 * written by one more
 * writer first. A failure anywhere before the commit discards everything staged: nothing becomes visible and no
 * cursor moves. When a concurrent run of the pipeline commits some of the same splits first, the run plans again
 * (skipping what the other run committed) and reads the rest ({@link RunPlan#inRounds}).
 *
 * <pre>{@code
 * RunResult result = new LocalRunner(spec).run();   // what Pipeline.run() does, with RunSpecs.of(pipeline)
 * }</pre>
 */
public final class LocalRunner {

  private final RunSpec pipeline;

  public LocalRunner(RunSpec pipeline) {
    this.pipeline = pipeline;
  }

  public RunResult run() {
    return RunPlan.inRounds(pipeline, this::runRound);
  }

  RunResult runRound(RunPlan plan) {
    List<Source<Object>> splits = plan.splits();
    int workers = Math.max(1, Math.min(splits.size(),
        pipeline.parallelism() > 0 ? pipeline.parallelism() : Runtime.getRuntime().availableProcessors()));
    try (Progress progress = new Progress(pipeline.name(), splits.size())) {
      RunState run = plan.newState(plan.attemptId(), progress);
      List<Worker> pool = new ArrayList<>();
      List<List<WriterResult>> results = new ArrayList<>();
      try {
        for (int i = 0; i < workers; i++) {
          pool.add(new Worker(run, i));
        }
        execute(run, pool, new ConcurrentLinkedQueue<>(splits));
        if (!plan.merges()) {
          pool.forEach(w -> results.add(w.staged()));
        }
      } catch (IOException | StagingFailed e) {
        IOException cause = e instanceof StagingFailed f ? f.getCause() : (IOException) e;
        abort(plan, pool, staged(plan, pool), run);
        throw new LakeException("Run " + plan.runId() + " of " + pipeline.name() + " failed: "
            + Causes.message(cause) + ". Nothing was committed.", cause);
      } catch (RuntimeException e) {
        abort(plan, pool, staged(plan, pool), run);
        throw RunPlan.beforeCommit(e);
      } finally {
        pool.forEach(Worker::close);
      }
      RunOutcome outcome = outcome(results, pool, run);
      // the merged results' writer comes after every worker's, whatever the parallelism
      return plan.commit(plan.finishMerge(outcome, Math.max(splits.size(), workers)));
    }
  }

  /** What the workers of this process staged and counted, as one outcome. */
  private RunOutcome outcome(List<List<WriterResult>> results, List<Worker> pool, RunState run) {
    Counters total = new Counters(pipeline.steps().size(), pipeline.sinks().size());
    List<String> splitIds = new ArrayList<>();
    List<Object> partials = new ArrayList<>();
    for (Worker w : pool) {
      total.add(w.counters());
      splitIds.addAll(w.splitsRead());
      partials.addAll(w.partials());
    }
    return new RunOutcome(results, run.rejectedResults(), total, run.badRows.count(), run.badRows.kept(),
        new java.util.TreeMap<>(run.proposedCursors), run.stoppedAtDeadline(), splitIds, partials);
  }

  /**
   * A worker's whole share of the run, on its own thread: its splits, then (unless the run failed meanwhile) staging
   * its files, so that the workers finish their Parquet files in parallel rather than one after the other at the end.
   */
  private static void readAndStage(Worker w, ConcurrentLinkedQueue<Source<Object>> queue, RunState run) {
    w.runSplits(queue);
    if (!run.failed()) {
      try {
        w.stage();
      } catch (IOException e) {
        throw new StagingFailed(e);
      }
    }
  }

  /** The files the workers staged before the run failed, to discard (as committed results, unless merging). */
  private static List<List<WriterResult>> staged(RunPlan plan, List<Worker> pool) {
    List<List<WriterResult>> staged = new ArrayList<>();
    for (Worker w : pool) {
      if (!plan.merges() && w.staged() != null) {
        staged.add(w.staged());
      }
    }
    return staged;
  }

  /** A worker's files could not be staged (an I/O error finishing them): the run fails, nothing is committed. */
  private static final class StagingFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StagingFailed(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private void execute(RunState run, List<Worker> pool, ConcurrentLinkedQueue<Source<Object>> queue) {
    if (pool.size() == 1) {
      readAndStage(pool.get(0), queue, run);
      return;
    }
    ExecutorService executor = Executors.newFixedThreadPool(pool.size(), r -> {
      Thread t = new Thread(r, "lake-" + pipeline.name());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Worker w : pool) {
        futures.add(executor.submit(() -> {
          try {
            readAndStage(w, queue, run);
          } catch (RuntimeException e) {
            run.fail();
            throw e;
          }
        }));
      }
      RuntimeException first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException re ? re : new LakeException(e.getCause().toString(),
                e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          run.fail();
          first = new LakeException("Run of " + pipeline.name() + " was interrupted", e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private void abort(RunPlan plan, List<Worker> pool, List<List<WriterResult>> results, RunState run) {
    run.fail();
    pool.forEach(Worker::close);
    plan.abort(RunOutcome.staged(results, run.rejectedResults(), pipeline.steps().size(), pipeline.sinks().size()));
  }
}
