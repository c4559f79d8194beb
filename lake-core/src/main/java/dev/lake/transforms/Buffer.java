package dev.lake.transforms;

import dev.lake.exceptions.ValidationException;
import dev.lake.internal.format.JsonRows;
import dev.lake.internal.format.RecordRows;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/**
 * When a {@link dev.lake.Pipeline#buffer buffer} step emits the rows it has gathered as one batch: after a number of
 * rows, a number of bytes, or a time since the batch's first row, whichever comes first (as Firehose buffers). Each
 * worker buffers its own rows (batches never span workers or Spark tasks), and the last, partial batch of a worker is
 * emitted when its input ends, at the pipeline's deadline too. A single row larger than the byte limit is emitted
 * alone, never dropped; batches are never empty.
 *
 * <pre>{@code
 * // given: Source<String> source, Sink<Integer> sink
 * Pipeline.from(source)
 *     .buffer(Buffer.ofRows(500).orBytes(5_000_000).orTime(Duration.ofSeconds(60)))   // Pipeline<List<String>>
 *     .map("post", batch -> batch.size())   // e.g. one API call per batch
 *     .to(sink);
 * Buffer.<String>ofRows(100).orBytes(1 << 20, s -> s.length());   // a sizer of your own
 * }</pre>
 *
 * <p>The time limit is checked as rows arrive (and at the end of the input), not by a timer: a batch is emitted when
 * the next row arrives too late to join it. Lake's streaming sources end their input when they have caught up
 * (Kinesis) or when the Lambda event is read, so a partial batch never waits longer than the run.
 *
 * @param <T> the rows buffered
 */
public final class Buffer<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int maxRows;
  private final long maxBytes;
  private final Sizer<? super T> sizer;
  private final Duration maxAge;
  private final Clock clock;

  private Buffer(int maxRows, long maxBytes, Sizer<? super T> sizer, Duration maxAge, Clock clock) {
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    this.sizer = sizer;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** Batches of at most {@code rows} rows. */
  public static <T> Buffer<T> ofRows(int rows) {
    return new Buffer<T>(0, 0, null, null, null).orRows(rows);
  }

  /** Batches of at most {@code bytes}, each row sized by {@link #jsonBytes()}. */
  public static <T> Buffer<T> ofBytes(long bytes) {
    return new Buffer<T>(0, 0, null, null, null).orBytes(bytes);
  }

  /** Batches of at most {@code bytes}, each row sized by {@code sizer}. */
  public static <T> Buffer<T> ofBytes(long bytes, Sizer<? super T> sizer) {
    return new Buffer<T>(0, 0, null, null, null).orBytes(bytes, sizer);
  }

  /** Batches whose rows arrived within {@code age} of the batch's first row. */
  public static <T> Buffer<T> ofTime(Duration age) {
    return new Buffer<T>(0, 0, null, null, null).orTime(age);
  }

  /** This buffer, also emitting once it holds {@code rows} rows. */
  public Buffer<T> orRows(int rows) {
    ValidationException.check(rows >= 1, "A buffer's row limit must be at least 1 but was %s", rows);
    ValidationException.check(maxRows == 0, "This buffer has a row limit already (%s): set it once", maxRows);
    return new Buffer<>(rows, maxBytes, sizer, maxAge, clock);
  }

  /** This buffer, also emitting before it would hold more than {@code bytes}, rows sized by {@link #jsonBytes()}. */
  public Buffer<T> orBytes(long bytes) {
    return orBytes(bytes, jsonBytes());
  }

  /** This buffer, also emitting before it would hold more than {@code bytes}, rows sized by {@code rowSizer}. */
  public Buffer<T> orBytes(long bytes, Sizer<? super T> rowSizer) {
    Objects.requireNonNull(rowSizer, "sizer");
    ValidationException.check(bytes >= 1, "A buffer's byte limit must be at least 1 but was %s", bytes);
    ValidationException.check(maxBytes == 0, "This buffer has a byte limit already (%s): set it once", maxBytes);
    return new Buffer<>(maxRows, bytes, rowSizer, maxAge, clock);
  }

  /** This buffer, also emitting when a row arrives {@code age} or more after the batch's first row. */
  public Buffer<T> orTime(Duration age) {
    Objects.requireNonNull(age, "age");
    ValidationException.check(!age.isNegative() && !age.isZero(), "A buffer's time limit must be positive but was %s",
        age);
    ValidationException.check(maxAge == null, "This buffer has a time limit already (%s): set it once", maxAge);
    return new Buffer<>(maxRows, maxBytes, sizer, age, clock);
  }

  /**
   * This buffer, telling time with {@code timeSource} instead of the system's monotonic clock (for tests, or to
   * replay). The clock travels with the pipeline: on Spark it must be serializable.
   */
  public Buffer<T> withClock(Clock timeSource) {
    return new Buffer<>(maxRows, maxBytes, sizer, maxAge, Objects.requireNonNull(timeSource, "clock"));
  }

  /**
   * The step that buffers, named {@code stepName} ({@link dev.lake.Pipeline#buffer} calls it); each worker gets its
   * own buffer through {@link Step#forWorker()}.
   */
  public Step<T, List<T>> toStep(String stepName) {
    Objects.requireNonNull(stepName, "stepName");
    return new BufferStep<>(stepName, this);
  }

  /** The row limit, or 0 for none. */
  public int maxRows() {
    return maxRows;
  }

  /** The byte limit, or 0 for none. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The time limit, or null for none. */
  public Duration maxAge() {
    return maxAge;
  }

  /** The size of {@code row} by this buffer's sizer (0 without a byte limit); a negative size is an error. */
  public long sizeOf(T row) {
    if (sizer == null) {
      return 0;
    }
    long size = sizer.sizeOf(row);
    if (size < 0) {
      throw new IllegalArgumentException("The buffer's sizer returned " + size + " bytes; sizes must be >= 0");
    }
    return size;
  }

  /** Now, in nanoseconds, by this buffer's clock (only differences between two calls mean anything). */
  public long nanoTime() {
    return clock == null ? System.nanoTime() : clock.millis() * 1_000_000L;
  }

  /**
   * The default sizer: the row's JSON ({@code Rows.toJson}) in UTF-8 for records, Java records and generic rows; the
   * UTF-8 length of text; the length of a byte array. About what a JSON sink (Kinesis, Firehose, an HTTP API) sends.
   * It renders every row as JSON (a few microseconds a row): where throughput matters, pass a sizer of your own.
   */
  public static Sizer<Object> jsonBytes() {
    return JsonBytes.INSTANCE;
  }

  @Override
  public String toString() {
    List<String> limits = new ArrayList<>();
    if (maxRows > 0) {
      limits.add(maxRows + " rows");
    }
    if (maxBytes > 0) {
      limits.add(maxBytes + " bytes");
    }
    if (maxAge != null) {
      limits.add(maxAge.toString());
    }
    return "Buffer(" + String.join(" or ", limits) + ")";
  }

  /** How many bytes a row counts for in a byte limit. */
  @FunctionalInterface
  public interface Sizer<T> extends Serializable {
    long sizeOf(T row);
  }

  private enum JsonBytes implements Sizer<Object> {
    INSTANCE;

    @Override
    public long sizeOf(Object row) {
      if (row == null) {
        return 4; // null
      }
      if (row instanceof byte[] bytes) {
        return bytes.length;
      }
      if (row instanceof CharSequence || row instanceof Number || row instanceof Boolean) {
        return row.toString().getBytes(StandardCharsets.UTF_8).length;
      }
      RecordRows records = RecordRows.installed();
      if (row instanceof GenericRecord g) {
        return JsonRows.utf8Length(g, g.getSchema(), records.model(GenericRecord.class));
      }
      return JsonRows.utf8Length(row, records.schemaOf(row.getClass()), records.model(row.getClass()));
    }
  }
}
