package dev.lake.internal.runner;

import dev.lake.Lake;
import dev.lake.LakeSink;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.SourceException;
import dev.lake.internal.lake.Json;
import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.Source;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pipeline in this JVM: splits the source, reads the splits on a pool of workers (each with its own sink
 * writers), then commits every sink once, then the rejected zone, then the cursors, and writes the run report.
 * A failure anywhere before the commits aborts every writer: nothing becomes visible and no cursor moves.
 *
 * <pre>{@code
 * PipelineResult result = new LocalRunner(pipeline).run();   // what Pipeline.run() does
 * }</pre>
 */
public final class LocalRunner {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRunner.class);
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Pipeline<?> pipeline;

  public LocalRunner(Pipeline<?> pipeline) {
    this.pipeline = pipeline;
  }

  @SuppressWarnings("unchecked")
  public PipelineResult run() {
    Instant started = Instant.now();
    String runId = RUN_TIME.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
    Lake lake = pipeline.lake();
    Map<String, String> cursors = lake == null ? Map.of() : lake.cursors(pipeline.name());

    Source<Object> source = (Source<Object>) pipeline.source();
    List<Source<Object>> splits = new ArrayList<>();
    try {
      splits.addAll((List<Source<Object>>) source.split(new PlanningContext(cursors)));
    } catch (IOException e) {
      throw new SourceException(source.name(), "Cannot list the input of " + source.id() + ": " + e.getMessage(), e);
    }
    String commitKey = commitKey(pipeline, splits);
    int workers = Math.max(1, Math.min(splits.size(),
        pipeline.parallelism() > 0 ? pipeline.parallelism() : Runtime.getRuntime().availableProcessors()));
    LakeSink<GenericRecord> rejected = rejectedSink(lake);

    try (Progress progress = new Progress(pipeline.name(), splits.size())) {
      RunState run = new RunState(pipeline, runId, commitKey, started, rejected, cursors, progress);
      List<Worker> pool = new ArrayList<>();
      List<List<WriterResult>> results = new ArrayList<>();
      try {
        for (int i = 0; i < workers; i++) {
          pool.add(new Worker(run, i));
        }
        execute(run, pool, new ConcurrentLinkedQueue<>(splits));
        for (Worker w : pool) {
          results.add(w.commit());
        }
      } catch (IOException e) {
        abort(pool, results, run);
        throw new LakeException("Run " + runId + " of " + pipeline.name() + " failed: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        abort(pool, results, run);
        throw e;
      }
      return commit(run, pool, results, splits.size(), lake);
    }
  }

  private void execute(RunState run, List<Worker> pool, ConcurrentLinkedQueue<Source<Object>> queue) {
    if (pool.size() == 1) {
      pool.get(0).runSplits(queue);
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
            w.runSplits(queue);
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

  private PipelineResult commit(RunState run, List<Worker> pool, List<List<WriterResult>> results, int splitCount,
      Lake lake) {
    CommitContext ctx = new CommitContext(pipeline.name(), run.commitKey, run.runId, run.startedAt);
    List<CommitSummary> commits = new ArrayList<>();
    try {
      for (int s = 0; s < pipeline.sinks().size(); s++) {
        Sink<Object> sink = pipeline.sinks().get(s);
        List<WriterResult> forSink = new ArrayList<>();
        for (List<WriterResult> perWorker : results) {
          forSink.add(perWorker.get(s));
        }
        commits.add(sink.commit(forSink, ctx));
      }
      if (run.rejectedSink != null) {
        List<WriterResult> rejects = run.rejectedResults();
        if (rejects.stream().anyMatch(r -> r.rows() > 0)) {
          run.rejectedSink.commit(rejects, ctx);
        }
      }
      Map<String, String> after = new TreeMap<>(run.cursorsBefore);
      after.putAll(run.proposedCursors);
      if (lake != null && !run.proposedCursors.isEmpty()) {
        lake.state().save(pipeline.name(), after);
      }
      PipelineResult result = report(run, pool, commits, splitCount, after);
      if (lake != null) {
        writeReport(lake, result);
      }
      LOG.info(result.summary());
      return result;
    } catch (IOException e) {
      throw new LakeException("Commit of run " + run.runId + " of " + pipeline.name() + " failed: " + e.getMessage()
          + ". Run again: commits are idempotent.", e);
    } finally {
      pool.forEach(Worker::close);
    }
  }

  private PipelineResult report(RunState run, List<Worker> pool, List<CommitSummary> commits, int splits,
      Map<String, String> after) {
    Counters total = new Counters(pipeline.steps().size(), pipeline.sinks().size());
    pool.forEach(w -> total.add(w.counters()));
    List<PipelineResult.StepReport> steps = new ArrayList<>();
    for (int i = 0; i < pipeline.steps().size(); i++) {
      steps.add(new PipelineResult.StepReport(pipeline.steps().get(i).name(), total.stepIn[i], total.stepOut[i],
          total.stepRejected[i]));
    }
    List<PipelineResult.SinkReport> sinks = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      CommitSummary c = commits.get(i);
      sinks.add(new PipelineResult.SinkReport(c.sink(), total.sinkIn[i], c.rows(), total.sinkRejected[i],
          c.files().size(), c.bytes(), c.version()));
    }
    return new PipelineResult(pipeline.name(), run.runId, run.commitKey, run.startedAt,
        Duration.between(run.startedAt, Instant.now()), splits, total.rowsRead, total.sourceRejected, steps, sinks,
        run.badRows.kept(), run.rejectedSink == null ? null : run.rejectedSink.dataset(), run.cursorsBefore, after,
        run.stoppedAtDeadline());
  }

  private void writeReport(Lake lake, PipelineResult result) {
    try {
      lake.store().write(lake.uri("_lake/runs/" + pipeline.name() + "/" + result.runId() + ".json"),
          Json.write(result));
    } catch (IOException e) {
      LOG.warn("Run {} committed but its report could not be written: {}", result.runId(), e.toString());
    }
  }

  private void abort(List<Worker> pool, List<List<WriterResult>> results, RunState run) {
    run.fail();
    pool.forEach(Worker::close);
    for (int s = 0; s < pipeline.sinks().size(); s++) {
      List<WriterResult> forSink = new ArrayList<>();
      for (List<WriterResult> perWorker : results) {
        forSink.add(perWorker.get(s));
      }
      try {
        pipeline.sinks().get(s).abort(forSink);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not clean up after failed run {}: {}", run.runId, e.toString());
      }
    }
  }

  private LakeSink<GenericRecord> rejectedSink(Lake lake) {
    if (lake == null || pipeline.badRowPolicy().mode() != dev.lake.BadRowPolicy.Mode.REJECTED_ZONE) {
      return null;
    }
    String name = pipeline.name();
    for (Sink<Object> s : pipeline.sinks()) {
      if (s instanceof LakeSink<?> ls) {
        String d = ls.dataset();
        name = d.substring(d.lastIndexOf('/') + 1);
        break;
      }
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    LakeSink<GenericRecord> sink = (LakeSink) lake.rejected(name).withSchema(RunState.REJECTED_SCHEMA);
    return sink;
  }

  /** A stable hash of the pipeline's name, its sinks and its input splits: same input, same file names. */
  static String commitKey(Pipeline<?> pipeline, List<Source<Object>> splits) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(pipeline.name().getBytes(StandardCharsets.UTF_8));
      pipeline.sinks().forEach(s -> sha.update(("\n>" + s.name()).getBytes(StandardCharsets.UTF_8)));
      splits.stream().map(Source::id).sorted()
          .forEach(id -> sha.update(("\n<" + id).getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The context sources see while splitting: cursors readable, nothing to reject yet. */
  private record PlanningContext(Map<String, String> cursors) implements dev.lake.io.SourceContext {
    @Override
    public void reject(dev.lake.io.BadRow row) {
      throw new LakeException("A source rejected a row while listing its input: " + row);
    }

    @Override
    public java.util.Optional<String> cursor(String key) {
      return java.util.Optional.ofNullable(cursors.get(key));
    }

    @Override
    public void proposeCursor(String key, String value) {
      throw new LakeException("Sources propose cursors while reading, not while listing: " + key);
    }
  }
}
