package dev.lake.sink.kinesis;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import dev.lake.transforms.SerializableFunction;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Writes rows to a Kinesis data stream, one record per row, as JSON ({@link dev.lake.Rows#toJson}), with
 * PutRecords requests of at most 500 records and 5 MiB.
 *
 * <p><b>Partition keys</b> come from a field of the row, a function of the row, or by default a hash of the row's
 * JSON (so rows spread evenly over shards).
 *
 * <p><b>Nothing lost, order per key kept.</b> Records PutRecords hands back as failed (its {@code FailedRecordCount}
 * and each record's {@code ErrorCode}) and whole requests that were throttled or failed with a 5xx are retried with
 * full-jitter exponential backoff. Kinesis keeps order per shard but a PutRecords request is not atomic: a record can
 * fail while a later record with the same key succeeds. So each request carries at most one record per partition
 * key; later rows with that key wait for the next request, after the earlier one has landed. Rows sharing one key
 * are therefore spread over several requests: keys with many distinct values (an id, or the default hash) keep the
 * requests full. A record still failing after {@link #withMaxAttempts} attempts is rejected with its error code
 * through {@link WriterContext#reject}, and so is a row whose record would exceed 1 MiB or whose key is empty or
 * longer than 256 characters (before any call). Never dropped.
 *
 * <p><b>Commit.</b> A stream has no commit: records are readable once sent. The writer's {@code commit()} sends
 * everything buffered and waits for it; {@link #commit} only reports. A writer closed without committing discards
 * what it had not sent yet.
 *
 * <pre>{@code
 * // given: KinesisClient kinesis, Source<Sale> source
 * KinesisSink<Sale> sink = KinesisSink.<Sale>toStream("sales")
 *     .withClient(kinesis)                      // caller-owned: never closed by the sink
 *     .withPartitionKey("invoice_no");          // or withPartitionKey(s -> s.customerId()), default: a row hash
 * Pipeline.from(source).to(sink).onBadRows(BadRowPolicy.toRejectedZone()).run();
 * }</pre>
 *
 * @param <T> the row type: a Java record or an Avro {@code GenericRecord}
 */
public final class KinesisSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  /** The most records one PutRecords request takes. */
  public static final int MAX_RECORDS_PER_REQUEST = 500;
  /** The most bytes (data and partition keys) one PutRecords request takes: 5 MiB. */
  public static final int MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;
  /** The most bytes (data and partition key) of one record: 1 MiB. */
  public static final int MAX_BYTES_PER_RECORD = 1024 * 1024;

  final String stream;
  final transient KinesisClient client;
  final String keyField;
  final SerializableFunction<? super T, ?> keyFunction;
  final int maxAttempts;
  final Duration backoffBase;
  final Duration backoffCap;
  final int maxRecordsPerRequest;

  private KinesisSink(String stream, KinesisClient client, String keyField, SerializableFunction<? super T, ?> keyFn,
      int maxAttempts, Duration backoffBase, Duration backoffCap, int maxRecordsPerRequest) {
    this.stream = stream;
    this.client = client;
    this.keyField = keyField;
    this.keyFunction = keyFn;
    this.maxAttempts = maxAttempts;
    this.backoffBase = backoffBase;
    this.backoffCap = backoffCap;
    this.maxRecordsPerRequest = maxRecordsPerRequest;
  }

  /** A sink into the stream {@code streamName}; set the client before use. */
  public static <T> KinesisSink<T> toStream(String streamName) {
    ValidationException.check(streamName != null && streamName.matches("[a-zA-Z0-9_.-]{1,128}"),
        "KinesisSink.toStream needs a stream name of 1-128 letters, digits, '_', '.' or '-' but got '%s'",
        streamName);
    return new KinesisSink<>(streamName, null, null, null, 10, Duration.ofMillis(50), Duration.ofSeconds(5),
        MAX_RECORDS_PER_REQUEST);
  }

  /** The client to write with. The caller owns it: the sink never closes it. */
  public KinesisSink<T> withClient(KinesisClient kinesis) {
    Objects.requireNonNull(kinesis, "client");
    return copy(c -> c.client = kinesis);
  }

  /** The partition key is the value of the row's field {@code field} (its column name), as text. */
  public KinesisSink<T> withPartitionKey(String field) {
    ValidationException.check(field != null && !field.isBlank(), "withPartitionKey needs a field name");
    return copy(c -> {
      c.keyField = field;
      c.keyFunction = null;
    });
  }

  /** The partition key is {@code String.valueOf(key.apply(row))}. */
  public KinesisSink<T> withPartitionKey(SerializableFunction<? super T, ?> key) {
    Objects.requireNonNull(key, "key");
    return copy(c -> {
      c.keyField = null;
      c.keyFunction = key;
    });
  }

  /** Attempts per record, the first included, before it is rejected (default 10). */
  public KinesisSink<T> withMaxAttempts(int attempts) {
    ValidationException.check(attempts >= 1, "maxAttempts must be at least 1 but was %s", attempts);
    return copy(c -> c.maxAttempts = attempts);
  }

  /**
   * Lake's full-jitter {@link dev.lake.io.Backoff}: after the n-th failed attempt in a row, sleep a random time up to
   * {@code min(cap, base * 2^(n-1))}.
   */
  public KinesisSink<T> withBackoff(Duration base, Duration cap) {
    ValidationException.check(base != null && cap != null && !base.isNegative() && cap.compareTo(base) >= 0,
        "withBackoff needs 0 <= base <= cap but got %s, %s", base, cap);
    return copy(c -> {
      c.backoffBase = base;
      c.backoffCap = cap;
    });
  }

  /** At most this many records per PutRecords request (1-500, default 500). */
  public KinesisSink<T> withMaxRecordsPerRequest(int records) {
    ValidationException.check(records >= 1 && records <= MAX_RECORDS_PER_REQUEST,
        "maxRecordsPerRequest must be 1..500 but was %s", records);
    return copy(c -> c.maxRecordsPerRequest = records);
  }

  /** The stream written to. */
  public String stream() {
    return stream;
  }

  @Override
  public String name() {
    return "kinesis:" + stream;
  }

  /** Checks the configuration; called by {@link #open} before any I/O. */
  public KinesisSink<T> validate() {
    ValidationException.check(client != null, "%s has no client: call withClient(KinesisClient)", name());
    return this;
  }

  @Override
  public SinkWriter<T> open(WriterContext ctx) {
    validate();
    return new KinesisSinkWriter<>(this, ctx);
  }

  /** Reports what the writers sent: their records are already in the stream (see the class comment). */
  @Override
  public CommitSummary commit(List<WriterResult> results, CommitContext ctx) {
    long rows = results.stream().mapToLong(WriterResult::rows).sum();
    return CommitSummary.builder().sink(name()).rows(rows).build();
  }

  /** {@code kinesis:PutRecords} on the stream's ARN, in the client's region (else the scope's). */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    dev.lake.iam.IamScope in = client == null ? scope
        : scope.withRegion(client.serviceClientConfiguration().region().id());
    return dev.lake.iam.IamPolicy.of(dev.lake.iam.Permission.allow(List.of("kinesis:PutRecords"),
        in.arn("kinesis", "stream/" + stream)));
  }

  @Override
  public String toString() {
    return "KinesisSink{stream=" + stream + ", partitionKey="
        + (keyField != null ? keyField : keyFunction != null ? "f(row)" : "hash(row)") + ", maxAttempts="
        + maxAttempts + ", maxRecordsPerRequest=" + maxRecordsPerRequest + "}";
  }

  private KinesisSink<T> copy(java.util.function.Consumer<Copy<T>> change) {
    Copy<T> copy = new Copy<>(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a KinesisSink, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy<T> {
    private String stream;
    private KinesisClient client;
    private String keyField;
    private SerializableFunction<? super T, ?> keyFunction;
    private int maxAttempts;
    private Duration backoffBase;
    private Duration backoffCap;
    private int maxRecordsPerRequest;

    private Copy(KinesisSink<T> original) {
      stream = original.stream;
      client = original.client;
      keyField = original.keyField;
      keyFunction = original.keyFunction;
      maxAttempts = original.maxAttempts;
      backoffBase = original.backoffBase;
      backoffCap = original.backoffCap;
      maxRecordsPerRequest = original.maxRecordsPerRequest;
    }

    private KinesisSink<T> build() {
      return new KinesisSink<>(stream, client, keyField, keyFunction, maxAttempts, backoffBase, backoffCap,
          maxRecordsPerRequest);
    }
  }
}
