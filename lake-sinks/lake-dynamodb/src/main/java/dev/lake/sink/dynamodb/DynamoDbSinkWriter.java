package dev.lake.sink.dynamodb;

import dev.lake.Rows;
import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SinkException;
import dev.lake.io.BadRow;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import dev.lake.sink.dynamodb.DynamoDbSink.WriteMode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One worker's writer: maps rows to items on the caller's thread, buffers up to 25 items (16 MB) per request, and
 * sends requests on its own small pool, at most {@code maxBatchesInFlight} at once (the caller blocks beyond that).
 * Rejects found by in-flight requests are queued and reported on the caller's thread, because the run's reject
 * handler is not thread-safe.
 */
final class DynamoDbSinkWriter<T> implements SinkWriter<T> {
  private static final int MAX_BATCH_ITEMS = 25;
  private static final long MAX_BATCH_BYTES = 16L * 1024 * 1024;
  private static final int MAX_TEXT = 2_000;

  private final DynamoDbSink<T> sink;
  private final WriterContext ctx;
  private final Stats stats = new Stats();
  private final ConcurrentLinkedQueue<BadRow> asyncRejects = new ConcurrentLinkedQueue<>();
  private final Sender sender;
  private final ExecutorService pool;
  private final Semaphore permits;
  private final Map<Map<String, AttributeValue>, CompletableFuture<Void>> keysInFlight = new ConcurrentHashMap<>();
  private final List<CompletableFuture<Void>> tasks = new ArrayList<>();
  private volatile Throwable failure;

  private List<Pending> buffer = new ArrayList<>();
  private final Map<Map<String, AttributeValue>, Integer> bufferIndex = new HashMap<>();
  private long bufferBytes;
  private Schema schema;
  private GenericData model;
  private boolean committed;
  private boolean closed;

  DynamoDbSinkWriter(DynamoDbSink<T> sink, WriterContext ctx) {
    this.sink = sink;
    this.ctx = ctx;
    this.sender = new Sender(sink, stats, asyncRejects::add);
    this.permits = new Semaphore(sink.maxBatchesInFlight);
    this.pool = Executors.newFixedThreadPool(sink.maxBatchesInFlight, r -> {
      Thread t = new Thread(r, "lake-dynamodb-" + sink.table + "-" + ctx.writerIndex());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void write(T row) throws IOException {
    checkOpen();
    drainRejects();
    if (schema == null) {
      init(row);
    }
    Map<String, AttributeValue> item;
    Map<String, AttributeValue> key;
    try {
      item = Items.toItem(row, schema, model);
      key = key(row, item);
    } catch (Items.ItemException | SchemaException e) {
      reject(row, e.getMessage()); // a value that does not fit its field or DynamoDB: this row only
      return;
    }
    if (key == null) {
      return;
    }
    long bytes = Items.size(item);
    if (bytes > Items.MAX_ITEM_BYTES) {
      reject(row, String.format("Item is %,d bytes, over DynamoDB's item limit of 400 KB (%,d bytes); key %s",
          bytes, Items.MAX_ITEM_BYTES, key));
      return;
    }
    CompletableFuture<Void> earlier = keysInFlight.get(key);
    if (earlier != null) {
      earlier.join(); // the same key in a request still in flight: let it land first, so the later row wins
    }
    if (bufferBytes + bytes > MAX_BATCH_BYTES) {
      submit();
    }
    Pending p = new Pending(item, key, bytes, text(row));
    Integer at = sink.mode == WriteMode.PUT ? bufferIndex.get(key) : null;
    if (at != null) {
      // BatchWriteItem refuses two requests for one key: the later row replaces the earlier, as two puts would.
      bufferBytes += bytes - buffer.get(at).bytes();
      buffer.set(at, p);
      stats.superseded.incrementAndGet();
      return;
    }
    bufferIndex.put(key, buffer.size());
    buffer.add(p);
    bufferBytes += bytes;
    if (buffer.size() >= MAX_BATCH_ITEMS) {
      submit();
    }
  }

  private void init(T row) {
    schema = Rows.schemaOf(row);
    model = Rows.model(row instanceof GenericContainer ? org.apache.avro.generic.GenericRecord.class
        : row.getClass());
    for (KeySpec<T> k : keySpecs()) {
      if (!k.computed() && schema.getField(k.attribute()) == null) {
        throw new SchemaException(sink.name() + ": rows have no key field '" + k.attribute() + "'; fields are "
            + fieldNames() + ". Name an existing field or pass a key function.");
      }
    }
    for (String a : sink.updateAttributes) {
      if (schema.getField(a) == null) {
        throw new SchemaException(sink.name() + ": cannot update '" + a + "': rows have no such field; fields are "
            + fieldNames());
      }
      if (keySpecs().stream().anyMatch(k -> k.attribute().equals(a))) {
        throw new SchemaException(sink.name() + ": '" + a + "' is a key attribute; UPDATE cannot set it");
      }
    }
  }

  private List<KeySpec<T>> keySpecs() {
    return sink.sortKey == null ? List.of(sink.partitionKey) : List.of(sink.partitionKey, sink.sortKey);
  }

  private List<String> fieldNames() {
    return schema.getFields().stream().map(Schema.Field::name).toList();
  }

  /** The item's key, with computed key attributes added to the item; null (and the row rejected) if missing. */
  private Map<String, AttributeValue> key(T row, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (KeySpec<T> k : keySpecs()) {
      AttributeValue v;
      if (k.computed()) {
        Object value;
        try {
          value = k.function().apply(row);
        } catch (RuntimeException e) {
          reject(row, "The key function for '" + k.attribute() + "' failed: " + e);
          return null;
        }
        v = value == null ? null : Items.keyValue(value, k.attribute());
        if (v != null) {
          item.put(k.attribute(), v);
        }
      } else {
        v = item.get(k.attribute());
      }
      String which = k == sink.partitionKey ? "partition" : "sort";
      if (v == null || v.nul() != null) {
        reject(row, "Item has no " + which + " key: '" + k.attribute() + "' is null");
        return null;
      }
      if (v.s() == null && v.n() == null && v.b() == null) {
        reject(row, "The " + which + " key '" + k.attribute() + "' must be a string, number or binary, but was "
            + v.type());
        return null;
      }
      if (v.s() != null && v.s().isEmpty() || v.b() != null && v.b().asByteArrayUnsafe().length == 0) {
        reject(row, "The " + which + " key '" + k.attribute() + "' is empty; DynamoDB keys cannot be empty");
        return null;
      }
      key.put(k.attribute(), v);
    }
    return key;
  }

  private void submit() throws IOException {
    if (buffer.isEmpty()) {
      return;
    }
    List<Pending> batch = buffer;
    buffer = new ArrayList<>();
    bufferIndex.clear();
    bufferBytes = 0;
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting to send to " + sink.table);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    for (Pending p : batch) {
      keysInFlight.put(p.key(), done);
    }
    tasks.removeIf(CompletableFuture::isDone);
    tasks.add(done);
    pool.execute(() -> {
      try {
        sender.send(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable t) {
        failure = t;
      } finally {
        for (Pending p : batch) {
          keysInFlight.remove(p.key(), done);
        }
        permits.release();
        done.complete(null);
      }
    });
  }

  @Override
  public void flush() throws IOException {
    checkOpen();
    submit();
    awaitAll();
    drainRejects();
  }

  @Override
  public WriterResult commit() throws IOException {
    flush();
    committed = true;
    pool.shutdown();
    return WriterResult.builder().writerIndex(ctx.writerIndex()).rows(stats.rows())
        .metadata(stats.metadata(sink.table)).build();
  }

  private void awaitAll() {
    for (CompletableFuture<Void> t : tasks) {
      t.join();
    }
    tasks.clear();
    if (failure != null) {
      Throwable f = failure;
      throw f instanceof SinkException se ? se
          : new SinkException("dynamodb", "Writing to " + sink.table + " failed: " + f, f);
    }
  }

  private void drainRejects() {
    BadRow r;
    while ((r = asyncRejects.poll()) != null) {
      ctx.reject(r);
    }
    if (failure != null) {
      awaitAll();
    }
  }

  private void reject(T row, String reason) {
    stats.rejected.incrementAndGet();
    ctx.reject(BadRow.of(sink.name(), reason, "", text(row)));
  }

  private static String text(Object row) {
    String s = String.valueOf(row);
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "… (" + s.length() + " chars)";
  }

  private void checkOpen() {
    if (closed || committed) {
      throw new IllegalStateException("This DynamoDB writer for " + sink.table + " is "
          + (committed ? "committed" : "closed"));
    }
  }

  /**
   * Stops sending. Without a prior commit, requests in flight are interrupted; items already sent stay in the table
   * (DynamoDB has no multi-item rollback). Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!committed) {
      pool.shutdownNow();
    }
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
