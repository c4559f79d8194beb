package dev.lake.sink.kinesis;

import dev.lake.LakeSink;
import dev.lake.io.BadRow;
import dev.lake.io.CommitContext;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The running buffer of a {@link BufferedDelivery}: one open lake writer per batch; a flush commits the writer's
 * files (and the batch's rejected rows) under a commit key unique to the batch.
 */
final class DeliveryStream<T> implements BufferedDelivery.Stream<T> {
  private final BufferedDelivery<T> config;
  private final LakeSink<Object> rejectedSink;
  private final ScheduledExecutorService timer;
  private final String streamId = UUID.randomUUID().toString().substring(0, 8);
  private SinkWriter<T> writer;
  private final List<BadRow> rejects = new ArrayList<>();
  private Instant batchStart;
  private long batchRows;
  private long batchBytes;
  private long lastPutNanos;
  private long batchSeq;
  private long rowsIn;
  private long delivered;
  private long rejected;
  private long flushes;
  private RuntimeException backgroundFailure;
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
    open();
    try {
      writer.write(row);
    } catch (IOException e) {
      throw BufferedDelivery.flushFailed(config.name, e);
    }
    added(dev.lake.Rows.toJson(row).length());
  }

  @Override
  public synchronized void putJson(String json) {
    check();
    rowsIn++;
    open();
    T row;
    try {
      row = config.convert(json);
    } catch (RuntimeException e) {
      rejects.add(BadRow.of(config.name, e.getMessage(), config.name + ":" + rowsIn, json));
      added(json.getBytes(StandardCharsets.UTF_8).length);
      return;
    }
    try {
      writer.write(row);
    } catch (IOException e) {
      throw BufferedDelivery.flushFailed(config.name, e);
    }
    added(json.getBytes(StandardCharsets.UTF_8).length);
  }

  private void added(long bytes) {
    batchRows++;
    batchBytes += bytes;
    lastPutNanos = System.nanoTime();
    if (batchBytes >= config.bufferBytes) {
      flush();
    }
  }

  private void open() {
    if (writer == null) {
      batchStart = Instant.now();
      batchSeq++;
      String key = "d" + streamId + "-" + batchStart.toEpochMilli() + "-" + batchSeq;
      writer = config.sink.open(new WriterContext(key, 0, batchStart, rejects::add));
    }
  }

  @Override
  public synchronized void flush() {
    if (writer == null) {
      return;
    }
    String key = "d" + streamId + "-" + batchStart.toEpochMilli() + "-" + batchSeq;
    CommitContext ctx = new CommitContext(config.name, key, key, batchStart);
    try {
      WriterResult result = writer.commit();
      config.sink.commit(List.of(result), ctx);
      writer.close();
      if (!rejects.isEmpty()) {
        try (SinkWriter<Object> w = rejectedSink.open(new WriterContext(key, 0, batchStart, r -> {
          throw new IllegalStateException("Cannot write a rejected row: " + r);
        }))) {
          for (BadRow b : rejects) {
            w.write(rejectedRecord(b, key));
          }
          rejectedSink.commit(List.of(w.commit()), ctx);
        }
      }
      delivered += result.rows();
      rejected += rejects.size();
      flushes++;
    } catch (IOException | RuntimeException e) {
      try {
        writer.close();
      } catch (IOException ignored) {
        // the batch is lost either way; the failure is reported
      }
      throw BufferedDelivery.flushFailed(config.name, e);
    } finally {
      writer = null;
      rejects.clear();
      batchRows = 0;
      batchBytes = 0;
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
    if (writer == null || closed) {
      return;
    }
    boolean old = Instant.now().toEpochMilli() - batchStart.toEpochMilli() >= config.bufferInterval.toMillis();
    boolean idle = config.idleFlush != null
        && System.nanoTime() - lastPutNanos >= config.idleFlush.toNanos();
    if (old || idle) {
      try {
        flush();
      } catch (RuntimeException e) {
        backgroundFailure = e;
      }
    }
  }

  private void check() {
    if (closed) {
      throw new IllegalStateException("Delivery " + config.name + " is closed");
    }
    if (backgroundFailure != null) {
      RuntimeException e = backgroundFailure;
      backgroundFailure = null;
      throw e;
    }
  }

  @Override
  public synchronized BufferedDelivery.Stats stats() {
    return new BufferedDelivery.Stats(rowsIn, delivered, rejected, batchRows, flushes);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    synchronized (this) {
      if (closed) {
        return;
      }
      check();
      closed = true;
      flush();
    }
  }
}
