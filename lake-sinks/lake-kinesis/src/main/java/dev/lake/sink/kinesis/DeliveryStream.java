package dev.lake.sink.kinesis;

import dev.lake.LakeSink;
import dev.lake.Rows;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.BadRow;
import dev.lake.io.CommitContext;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The running buffer of a {@link BufferedDelivery}. A batch's rows stay in memory (bounded by the buffer size) until
 * its flush committed them, so that a failed attempt can be retried: each attempt writes the rows again through a
 * new lake writer whose commit key is unique to the attempt (no attempt reuses another's file names), and commits.
 * The rows go first, then the batch's rejected rows; a part once committed is never committed again. An attempt whose
 * outcome is unknown (its commit failed, perhaps after a write took effect whose response was lost) is looked up
 * before the next attempt and before the batch is given up ({@link LakeSink#committedDirect}): when it took effect
 * the batch counts as delivered, so a batch never lands twice; otherwise its staged files are discarded. After the last
 * failed attempt the batch's rows join the rejected rows with the error as their reason
 * ({@link BufferedDelivery.OnFlushFailure#TO_REJECTED_ZONE}), or stay buffered: the flush throws, and each later
 * {@code put} retries it first.
 */
final class DeliveryStream<T> implements BufferedDelivery.Stream<T> {
  private final BufferedDelivery<T> config;
  private final LakeSink<Object> rejectedSink;
  private final ScheduledExecutorService timer;
  private final String streamId = UUID.randomUUID().toString().substring(0, 8);
  private final List<T> rows = new ArrayList<>();
  private final List<BadRow> rejects = new ArrayList<>();
  /** This batch's attempts at committing its rows whose outcome is unknown. */
  private final List<Tried> tried = new ArrayList<>();
  private String batchKey;
  private Instant batchStart;
  private long batchBytes;
  private long lastPutNanos;
  private long batchSeq;
  private long attemptSeq;
  private long rowsIn;
  private long delivered;
  private long rejected;
  private long flushes;
  private long failedAttempts;
  /** The last flush failed every attempt and its batch is still buffered: puts retry it first. */
  private RuntimeException pending;
  private boolean closed;

  DeliveryStream(BufferedDelivery<T> config) {
    this.config = config;
    this.rejectedSink = config.rejectedSink();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lake-delivery-" + config.name);
      t.setDaemon(true);
      return t;
    });
    long tick = Math.max(5, Math.min(config.bufferInterval.toMillis(),
        config.idleFlush == null ? Long.MAX_VALUE : config.idleFlush.toMillis()) / 4);
    timer.scheduleWithFixedDelay(this::onTimer, tick, tick, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void put(T row) {
    check();
    rowsIn++;
    begin();
    rows.add(row);
    added(Rows.toJson(row).length());
  }

  @Override
  public synchronized void putJson(String json) {
    check();
    rowsIn++;
    begin();
    try {
      rows.add(config.convert(json));
    } catch (RuntimeException e) {
      rejects.add(BadRow.of(config.name, e.getMessage(), config.name + ":" + rowsIn, json));
    }
    added(json.getBytes(StandardCharsets.UTF_8).length);
  }

  private void added(long bytes) {
    batchBytes += bytes;
    lastPutNanos = System.nanoTime();
    if (batchBytes >= config.bufferBytes) {
      flush();
    }
  }

  private void begin() {
    if (batchKey == null) {
      batchStart = Instant.now();
      batchKey = "d" + streamId + "-" + batchStart.toEpochMilli() + "-" + ++batchSeq;
    }
  }

  @Override
  public synchronized void flush() {
    if (batchKey == null) {
      return;
    }
    try {
      if (!rows.isEmpty()) {
        deliverRows();
      }
      if (!rejects.isEmpty()) {
        long n = rejects.size();
        attempts(this::commitRejects, n);
        rejected += n;
        rejects.clear();
      }
    } catch (RuntimeException e) {
      pending = e;
      throw e;
    }
    pending = null;
    flushes++;
    batchKey = null;
    batchBytes = 0;
  }

  /** Commits the batch's rows, or after the last failed attempt moves them to the rejected rows (by policy). */
  private void deliverRows() {
    try {
      attempts(this::commitRows, rows.size());
      return;
    } catch (RuntimeException e) {
      if (config.onFlushFailure != BufferedDelivery.OnFlushFailure.TO_REJECTED_ZONE) {
        throw e;
      }
      try {
        if (settled()) {
          return; // an attempt took effect after all
        }
      } catch (IOException unknown) {
        throw BufferedDelivery.flushFailed(config.name, config.flushAttempts, rows.size(), unknown); // kept: unknown
      }
      String reason = "Delivery " + config.name + " could not commit these rows after " + config.flushAttempts
          + " attempts: " + e.getCause().getMessage();
      for (int i = 0; i < rows.size(); i++) {
        rejects.add(BadRow.of(config.name, reason, batchKey + ":" + i, Rows.toJson(rows.get(i))));
      }
      rows.clear();
    }
  }

  /** An attempt of one part of a flush. */
  private interface Attempt {
    void run(String attemptKey) throws IOException;
  }

  /** Runs {@code attempt} up to the configured attempts, with doubling backoff between them. */
  private void attempts(Attempt attempt, long rowCount) {
    Duration wait = config.retryBackoff;
    Exception last = null;
    for (int i = 1; i <= config.flushAttempts; i++) {
      try {
        attempt.run(batchKey + "-a" + ++attemptSeq);
        return;
      } catch (IOException | RuntimeException e) {
        last = e;
        failedAttempts++;
      }
      if (i < config.flushAttempts) {
        try {
          config.sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        wait = wait.multipliedBy(2);
      }
    }
    throw BufferedDelivery.flushFailed(config.name, config.flushAttempts, rowCount, last);
  }

  private void commitRows(String key) throws IOException {
    if (rows.isEmpty() || settled()) {
      return; // committed by an earlier attempt (whose writer then failed to close, or whose response was lost)
    }
    List<BadRow> writerRejects = new ArrayList<>();
    try (SinkWriter<T> w = config.sink.open(writerContext(key, writerRejects::add))) {
      for (T row : rows) {
        w.write(row);
      }
      WriterResult result = w.commit();
      Tried attempt = new Tried(commitContext(key), result, writerRejects);
      tried.add(attempt);
      config.sink.commit(List.of(result), attempt.ctx());
      accept(attempt);
    }
  }

  /** The one writer of batch {@code key}, of the batch's start time. */
  private WriterContext writerContext(String key, java.util.function.Consumer<BadRow> rejects) {
    return WriterContext.builder().commitKey(key).writerIndex(0).startedAt(batchStart).rejects(rejects).build();
  }

  /** The commit of batch {@code key}: the key is its commit key and its run id. */
  private CommitContext commitContext(String key) {
    return CommitContext.builder().pipeline(config.name).commitKey(key).runId(key).startedAt(batchStart).build();
  }

  /** An attempt at committing the batch's rows: what it staged and the rows its writer rejected. */
  private record Tried(CommitContext ctx, WriterResult result, List<BadRow> writerRejects) {}

  /**
   * Whether an earlier attempt of this batch took effect (then the batch is delivered); the attempts that did not
   * have their staged files discarded. Throws when the store cannot tell: the batch stays as it is.
   */
  private boolean settled() throws IOException {
    for (Tried t : tried) {
      if (config.sink.committedDirect(t.ctx())) {
        accept(t);
        return true;
      }
    }
    for (Tried t : tried) {
      config.sink.abort(List.of(t.result())); // took no effect: its staged files are dead
    }
    tried.clear();
    return false;
  }

  private void accept(Tried attempt) {
    delivered += attempt.result().rows();
    rows.clear(); // committed: never again
    rejects.addAll(attempt.writerRejects());
    tried.clear();
  }

  private void commitRejects(String key) throws IOException {
    try (SinkWriter<Object> w = rejectedSink.open(writerContext(key, r -> {
      throw new IllegalStateException("Cannot write a rejected row: " + r);
    }))) {
      for (BadRow b : rejects) {
        w.write(rejectedRecord(b, key));
      }
      rejectedSink.commit(List.of(w.commit()), commitContext(key));
    }
  }

  private static GenericRecord rejectedRecord(BadRow b, String key) {
    GenericData.Record r = new GenericData.Record(BufferedDelivery.REJECTED_SCHEMA);
    r.put(0, b.step());
    r.put(1, key);
    r.put(2, b.step());
    r.put(3, b.reason());
    r.put(4, b.position());
    r.put(5, b.value());
    r.put(6, Instant.now().toString());
    return r;
  }

  private synchronized void onTimer() {
    if (batchKey == null || closed || pending != null) {
      return; // a failed batch is retried by the next put, flush or close, not in the background
    }
    boolean old = Instant.now().toEpochMilli() - batchStart.toEpochMilli() >= config.bufferInterval.toMillis();
    boolean idle = config.idleFlush != null
        && System.nanoTime() - lastPutNanos >= config.idleFlush.toNanos();
    if (old || idle) {
      try {
        flush();
      } catch (RuntimeException e) {
        // kept in pending, the batch still buffered: the next put retries it and fails synchronously if it must
      }
    }
  }

  /** Refuses puts after close; while a failed batch is buffered, retries it first (throwing if it fails again). */
  private void check() {
    if (closed) {
      throw new ValidationException("Delivery " + config.name + " is closed: put rows before close(), or start a "
          + "new delivery with BufferedDelivery.of(type).into(dataset).start()");
    }
    if (pending != null) {
      flush();
    }
  }

  @Override
  public synchronized BufferedDelivery.Stats stats() {
    return BufferedDelivery.Stats.builder().rowsIn(rowsIn).rowsDelivered(delivered).rowsRejected(rejected)
        .rowsBuffered(rows.size() + rejects.size()).flushes(flushes).failedAttempts(failedAttempts).build();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      flush(); // throws with the batch still buffered: the stream stays open, close() may be called again
      closed = true;
    }
    timer.shutdownNow();
  }
}
