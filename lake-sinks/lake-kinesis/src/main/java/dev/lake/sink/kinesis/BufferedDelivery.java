package dev.lake.sink.kinesis;

import dev.lake.Lake;
import dev.lake.LakeSink;
import dev.lake.Rows;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import java.time.Duration;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Firehose-style buffered delivery into a lake dataset: rows (or JSON text) are buffered and flushed into the
 * dataset — raw JSON Lines or processed Parquet, as the {@link LakeSink} says — once the buffer reaches a size, once
 * it is older than an interval, or once no row arrived for an idle time; each flush is one commit. JSON that does not
 * convert to the row type, and rows the sink cannot write, go to {@code rejected/<dataset>/} with their reason (the
 * error prefix). Defaults are Firehose's: 128 MB or 5 minutes.
 *
 * <p>It depends only on lake-core's public API and lives here, beside the Kinesis sink, because it is the Firehose
 * replacement of the streaming path; lake-core stays free of background threads.
 *
 * <pre>{@code
 * try (BufferedDelivery.Stream<Sale> sales = BufferedDelivery.of(Sale.class)
 *     .into(lake.raw("ecommerce", "sales"))
 *     .withBufferBytes(128L << 20).withBufferInterval(Duration.ofMinutes(5)).withIdleFlush(Duration.ofSeconds(30))
 *     .start()) {
 *   sales.putJson("{\"invoice_no\":\"536365\",\"quantity\":6}");   // bad JSON: to rejected/sales/
 *   sales.put(sale);
 * }                                                                  // close() flushes the rest
 * }</pre>
 *
 * @param <T> the row type
 */
public final class BufferedDelivery<T> {
  static final Schema REJECTED_SCHEMA = SchemaBuilder.record("RejectedRow").namespace("dev.lake").fields()
      .requiredString("pipeline")
      .requiredString("run_id")
      .requiredString("step")
      .requiredString("reason")
      .requiredString("position")
      .requiredString("value")
      .requiredString("rejected_at")
      .endRecord();

  final Class<T> type;
  final LakeSink<T> sink;
  final String name;
  final long bufferBytes;
  final Duration bufferInterval;
  final Duration idleFlush;

  private BufferedDelivery(Class<T> type, LakeSink<T> sink, String name, long bufferBytes, Duration bufferInterval,
      Duration idleFlush) {
    this.type = type;
    this.sink = sink;
    this.name = name;
    this.bufferBytes = bufferBytes;
    this.bufferInterval = bufferInterval;
    this.idleFlush = idleFlush;
  }

  /** A delivery of rows of {@code type} (a record class, or {@code GenericRecord} with rows only). */
  public static <T> BufferedDelivery<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return new BufferedDelivery<>(type, null, null, 128L << 20, Duration.ofMinutes(5), null);
  }

  /** The dataset to deliver into; its format (JSON Lines for raw, Parquet for processed) is kept. */
  @SuppressWarnings("unchecked")
  public BufferedDelivery<T> into(LakeSink<?> dataset) {
    Objects.requireNonNull(dataset, "dataset");
    String n = name != null ? name : dataset.dataset().replace('/', '.') + ".delivery";
    return new BufferedDelivery<>(type, (LakeSink<T>) dataset, n, bufferBytes, bufferInterval, idleFlush);
  }

  /** Names the delivery (its commits and rejected rows say it); default {@code <zone>.<dataset>.delivery}. */
  public BufferedDelivery<T> named(String deliveryName) {
    ValidationException.check(deliveryName != null && deliveryName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}"),
        "Invalid delivery name '%s': use 1-128 letters, digits, '.', '_' or '-'", deliveryName);
    return new BufferedDelivery<>(type, sink, deliveryName, bufferBytes, bufferInterval, idleFlush);
  }

  /** Flushes once the buffered rows reach about this many bytes of JSON (default 128 MB, at least 1 KB). */
  public BufferedDelivery<T> withBufferBytes(long bytes) {
    ValidationException.check(bytes >= 1024, "withBufferBytes needs at least 1024 but got %s", bytes);
    return new BufferedDelivery<>(type, sink, name, bytes, bufferInterval, idleFlush);
  }

  /** Flushes once the oldest buffered row is this old (default 5 minutes). */
  public BufferedDelivery<T> withBufferInterval(Duration interval) {
    ValidationException.check(interval != null && interval.toMillis() >= 10,
        "withBufferInterval needs at least 10 ms but got %s", interval);
    return new BufferedDelivery<>(type, sink, name, bufferBytes, interval, idleFlush);
  }

  /** Also flushes once no row arrived for this long (default: only size and interval). */
  public BufferedDelivery<T> withIdleFlush(Duration idle) {
    ValidationException.check(idle != null && idle.toMillis() >= 10, "withIdleFlush needs at least 10 ms but got %s",
        idle);
    return new BufferedDelivery<>(type, sink, name, bufferBytes, bufferInterval, idle);
  }

  /** Starts delivering: the returned stream takes rows until closed. */
  public Stream<T> start() {
    ValidationException.check(sink != null, "BufferedDelivery of %s has no dataset: call into(lake.raw(...)) or "
        + "into(lake.processed(...))", type.getSimpleName());
    return new DeliveryStream<>(this);
  }

  Lake lake() {
    return sink.lake();
  }

  LakeSink<Object> rejectedSink() {
    String d = sink.dataset();
    @SuppressWarnings({"unchecked", "rawtypes"})
    LakeSink<Object> r = (LakeSink) sink.lake().rejected(d.substring(d.lastIndexOf('/') + 1))
        .withSchema(REJECTED_SCHEMA);
    return r;
  }

  T convert(String json) {
    return Rows.fromJson(json, type);
  }

  /**
   * A running delivery. Thread-safe: producers may put from several threads.
   *
   * <pre>{@code
   * stream.put(row);
   * stream.flush();               // commit what is buffered now
   * Stats s = stream.stats();     // rows delivered, rejected, flushes
   * }</pre>
   *
   * @param <T> the row type
   */
  public interface Stream<T> extends AutoCloseable {
    /** Buffers a row; may flush (size reached). */
    void put(T row);

    /** Converts JSON text to a row and buffers it; text that does not convert goes to the rejected zone. */
    void putJson(String json);

    /** Commits what is buffered now (nothing happens when the buffer is empty). */
    void flush();

    /** Counts so far. */
    Stats stats();

    /** Flushes and stops. A failure of a background flush is thrown here (or from the next put). */
    @Override
    void close();
  }

  /**
   * Counts of a running delivery.
   *
   * <pre>{@code
   * assert s.rowsIn() == s.rowsDelivered() + s.rowsRejected() + s.rowsBuffered();
   * }</pre>
   *
   * @param rowsIn rows and JSON texts put
   * @param rowsDelivered rows committed into the dataset
   * @param rowsRejected rows committed into the rejected zone
   * @param rowsBuffered rows waiting for the next flush
   * @param flushes commits made
   */
  public record Stats(long rowsIn, long rowsDelivered, long rowsRejected, long rowsBuffered, long flushes) {}

  /** Thrown when a flush failed; the rows of that flush were not committed. */
  static LakeException flushFailed(String name, Exception e) {
    return new LakeException("Delivery " + name + " could not commit a flush: " + e.getMessage(), e);
  }
}
