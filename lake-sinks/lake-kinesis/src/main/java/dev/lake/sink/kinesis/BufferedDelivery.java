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
 * error prefix). Defaults are Firehose's: 128 MB or 5 minutes. A flush that fails is retried with backoff; after
 * the last attempt the batch goes to the rejected zone with the error as its reason, or stays buffered and the next
 * {@code put} fails ({@link OnFlushFailure}): a batch is never dropped.
 *
 * <p>It depends only on lake-core's public API and lives here, beside the Kinesis sink, because it is the Firehose
 * replacement of the streaming path; lake-core stays free of background threads.
 *
 * <pre>{@code
 * // given: Sale sale
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
  final int flushAttempts;
  final Duration retryBackoff;
  final OnFlushFailure onFlushFailure;
  /** How the stream waits between attempts (tests count the waits instead of sleeping). */
  final Sleeper sleeper;

  /**
   * What happens to a batch whose flush failed every attempt. Never is it dropped.
   *
   * <pre>{@code
   * BufferedDelivery.of(Sale.class).into(lake.raw("shop", "sales")).onFlushFailure(OnFlushFailure.FAIL_PUTS);
   * }</pre>
   */
  public enum OnFlushFailure {
    /**
     * The batch's rows go to {@code rejected/<dataset>/} with the error as their reason (as Firehose's error prefix
     * keeps records it could not deliver); if even that fails, the batch stays buffered as with {@link #FAIL_PUTS}.
     * The default.
     */
    TO_REJECTED_ZONE,
    /**
     * The batch stays buffered; the flush throws, and every later {@code put} first retries the flush and throws
     * while it still fails, so the producer learns of it synchronously and the buffer does not grow.
     */
    FAIL_PUTS
  }

  /** Waits between flush attempts. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private BufferedDelivery(Class<T> type, LakeSink<T> sink, String name, long bufferBytes, Duration bufferInterval,
      Duration idleFlush, int flushAttempts, Duration retryBackoff, OnFlushFailure onFlushFailure, Sleeper sleeper) {
    this.type = type;
    this.sink = sink;
    this.name = name;
    this.bufferBytes = bufferBytes;
    this.bufferInterval = bufferInterval;
    this.idleFlush = idleFlush;
    this.flushAttempts = flushAttempts;
    this.retryBackoff = retryBackoff;
    this.onFlushFailure = onFlushFailure;
    this.sleeper = sleeper;
  }

  /** A delivery of rows of {@code type} (a record class, or {@code GenericRecord} with rows only). */
  public static <T> BufferedDelivery<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return new BufferedDelivery<>(type, null, null, 128L << 20, Duration.ofMinutes(5), null, 3,
        Duration.ofMillis(200), OnFlushFailure.TO_REJECTED_ZONE, d -> Thread.sleep(d.toMillis()));
  }

  /** The dataset to deliver into; its format (JSON Lines for raw, Parquet for processed) is kept. */
  @SuppressWarnings("unchecked")
  public BufferedDelivery<T> into(LakeSink<?> dataset) {
    Objects.requireNonNull(dataset, "dataset");
    String n = name != null ? name : dataset.dataset().replace('/', '.') + ".delivery";
    return copy(c -> {
      c.sink = (LakeSink<T>) dataset;
      c.name = n;
    });
  }

  /** Names the delivery (its commits and rejected rows say it); default {@code <zone>.<dataset>.delivery}. */
  public BufferedDelivery<T> named(String deliveryName) {
    ValidationException.check(deliveryName != null && deliveryName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}"),
        "Invalid delivery name '%s': use 1-128 letters, digits, '.', '_' or '-'", deliveryName);
    return copy(c -> c.name = deliveryName);
  }

  /** Flushes once the buffered rows reach about this many bytes of JSON (default 128 MB, at least 1 KB). */
  public BufferedDelivery<T> withBufferBytes(long bytes) {
    ValidationException.check(bytes >= 1024, "withBufferBytes needs at least 1024 but got %s", bytes);
    return copy(c -> c.bufferBytes = bytes);
  }

  /** Flushes once the oldest buffered row is this old (default 5 minutes). */
  public BufferedDelivery<T> withBufferInterval(Duration interval) {
    ValidationException.check(interval != null && interval.toMillis() >= 10,
        "withBufferInterval needs at least 10 ms but got %s", interval);
    return copy(c -> c.bufferInterval = interval);
  }

  /** Also flushes once no row arrived for this long (default: only size and interval). */
  public BufferedDelivery<T> withIdleFlush(Duration idle) {
    ValidationException.check(idle != null && idle.toMillis() >= 10, "withIdleFlush needs at least 10 ms but got %s",
        idle);
    return copy(c -> c.idleFlush = idle);
  }

  /**
   * Tries each flush this many times (default 3), waiting {@link #withRetryBackoff} after the first failure and twice
   * as long after each next one, before {@link #onFlushFailure} decides.
   */
  public BufferedDelivery<T> withFlushAttempts(int attempts) {
    ValidationException.check(attempts >= 1 && attempts <= 20, "withFlushAttempts needs 1 to 20 but got %s",
        attempts);
    return copy(c -> c.flushAttempts = attempts);
  }

  /** The wait after a flush's first failed attempt (default 200 ms), doubled after each next one. */
  public BufferedDelivery<T> withRetryBackoff(Duration backoff) {
    ValidationException.check(backoff != null && !backoff.isNegative(), "withRetryBackoff needs a duration >= 0 "
        + "but got %s", backoff);
    return copy(c -> c.retryBackoff = backoff);
  }

  /** What happens to a batch whose flush failed every attempt (default: the rejected zone). */
  public BufferedDelivery<T> onFlushFailure(OnFlushFailure policy) {
    Objects.requireNonNull(policy, "policy");
    return copy(c -> c.onFlushFailure = policy);
  }

  /** Test hook: how the stream waits between attempts. */
  BufferedDelivery<T> sleeper(Sleeper s) {
    return copy(c -> c.sleeper = s);
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
   * // given: BufferedDelivery.Stream<Sale> stream, Sale row
   * stream.put(row);
   * stream.flush();               // commit what is buffered now
   * BufferedDelivery.Stats s = stream.stats();     // rows delivered, rejected, flushes
   * }</pre>
   *
   * @param <T> the row type
   */
  public interface Stream<T> extends AutoCloseable {
    /** Buffers a row; may flush (size reached). After {@link #close()} it throws a {@code ValidationException}. */
    void put(T row);

    /** Converts JSON text to a row and buffers it; text that does not convert goes to the rejected zone. */
    void putJson(String json);

    /** Commits what is buffered now (nothing happens when the buffer is empty). */
    void flush();

    /** Counts so far. */
    Stats stats();

    /**
     * Flushes and stops. When the last batch cannot be delivered (every attempt failed, and the rejected zone too or
     * {@link OnFlushFailure#FAIL_PUTS}) this throws and the stream stays open: call {@code close()} again later.
     */
    @Override
    void close();
  }

  /**
   * Counts of a running delivery.
   *
   * <pre>{@code
   * // given: BufferedDelivery.Stats s
   * assert s.rowsIn() == s.rowsDelivered() + s.rowsRejected() + s.rowsBuffered();
   * }</pre>
   *
   * <p>A final class with accessors rather than a record, so that a new count is not a breaking change.
   */
  public static final class Stats {
    private final long rowsIn;
    private final long rowsDelivered;
    private final long rowsRejected;
    private final long rowsBuffered;
    private final long flushes;
    private final long failedAttempts;

    private Stats(Builder b) {
      rowsIn = b.rowsIn;
      rowsDelivered = b.rowsDelivered;
      rowsRejected = b.rowsRejected;
      rowsBuffered = b.rowsBuffered;
      flushes = b.flushes;
      failedAttempts = b.failedAttempts;
    }

    /** A builder with every count at zero. */
    public static Builder builder() {
      return new Builder();
    }

    /** Rows and JSON texts put. */
    public long rowsIn() {
      return rowsIn;
    }

    /** Rows committed into the dataset. */
    public long rowsDelivered() {
      return rowsDelivered;
    }

    /**
     * Rows committed into the rejected zone (rows that did not convert, and the rows of batches whose flush failed
     * every attempt under {@link OnFlushFailure#TO_REJECTED_ZONE}).
     */
    public long rowsRejected() {
      return rowsRejected;
    }

    /** Rows waiting for the next flush. */
    public long rowsBuffered() {
      return rowsBuffered;
    }

    /** Commits made. */
    public long flushes() {
      return flushes;
    }

    /** Flush attempts that failed (each retried, or its batch diverted or kept). */
    public long failedAttempts() {
      return failedAttempts;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Stats s && rowsIn == s.rowsIn && rowsDelivered == s.rowsDelivered
          && rowsRejected == s.rowsRejected && rowsBuffered == s.rowsBuffered && flushes == s.flushes
          && failedAttempts == s.failedAttempts;
    }

    @Override
    public int hashCode() {
      return Objects.hash(rowsIn, rowsDelivered, rowsRejected, rowsBuffered, flushes, failedAttempts);
    }

    /** Every count, named, as the record printed them. */
    @Override
    public String toString() {
      return "Stats[rowsIn=" + rowsIn + ", rowsDelivered=" + rowsDelivered + ", rowsRejected=" + rowsRejected
          + ", rowsBuffered=" + rowsBuffered + ", flushes=" + flushes + ", failedAttempts=" + failedAttempts + "]";
    }

    /** Builds {@link Stats}; the stream builds them, a test of your own may too. */
    public static final class Builder {
      private long rowsIn;
      private long rowsDelivered;
      private long rowsRejected;
      private long rowsBuffered;
      private long flushes;
      private long failedAttempts;

      private Builder() {}

      /** Sets {@link Stats#rowsIn()}. */
      public Builder rowsIn(long value) {
        this.rowsIn = value;
        return this;
      }

      /** Sets {@link Stats#rowsDelivered()}. */
      public Builder rowsDelivered(long value) {
        this.rowsDelivered = value;
        return this;
      }

      /** Sets {@link Stats#rowsRejected()}. */
      public Builder rowsRejected(long value) {
        this.rowsRejected = value;
        return this;
      }

      /** Sets {@link Stats#rowsBuffered()}. */
      public Builder rowsBuffered(long value) {
        this.rowsBuffered = value;
        return this;
      }

      /** Sets {@link Stats#flushes()}. */
      public Builder flushes(long value) {
        this.flushes = value;
        return this;
      }

      /** Sets {@link Stats#failedAttempts()}. */
      public Builder failedAttempts(long value) {
        this.failedAttempts = value;
        return this;
      }

      /** The {@link Stats} of the counts set. */
      public Stats build() {
        return new Stats(this);
      }
    }
  }

  /** Thrown when a flush failed every attempt; its rows are still buffered. */
  static LakeException flushFailed(String name, int attempts, long rows, Exception e) {
    return new LakeException("Delivery " + name + " could not commit a flush of " + rows + " rows after " + attempts
        + " attempts: " + e.getMessage() + "; the rows are still buffered: fix the store, then put, flush or close "
        + "again", e);
  }

  private BufferedDelivery<T> copy(java.util.function.Consumer<Copy<T>> change) {
    Copy<T> copy = new Copy<>(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a BufferedDelivery, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy<T> {
    private Class<T> type;
    private LakeSink<T> sink;
    private String name;
    private long bufferBytes;
    private Duration bufferInterval;
    private Duration idleFlush;
    private int flushAttempts;
    private Duration retryBackoff;
    private OnFlushFailure onFlushFailure;
    private Sleeper sleeper;

    private Copy(BufferedDelivery<T> original) {
      type = original.type;
      sink = original.sink;
      name = original.name;
      bufferBytes = original.bufferBytes;
      bufferInterval = original.bufferInterval;
      idleFlush = original.idleFlush;
      flushAttempts = original.flushAttempts;
      retryBackoff = original.retryBackoff;
      onFlushFailure = original.onFlushFailure;
      sleeper = original.sleeper;
    }

    private BufferedDelivery<T> build() {
      return new BufferedDelivery<>(type, sink, name, bufferBytes, bufferInterval, idleFlush, flushAttempts,
          retryBackoff, onFlushFailure, sleeper);
    }
  }
}
