package dev.lake.sink.dynamodb;

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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes rows to a DynamoDB table, one item per row, mapped from the row's schema: numbers as exact {@code N}
 * strings ({@code BigDecimal} included), strings {@code S} (empty strings allowed outside keys), {@code byte[]}
 * {@code B}, nested records and maps {@code M}, lists {@code L}, {@code Instant}, {@code LocalDate} and
 * {@code LocalDateTime} as ISO-8601 {@code S}. A null top-level field is omitted (so sparse indexes work); a null
 * inside a list or map is {@code NULL}.
 *
 * <p>{@link WriteMode#PUT} sends BatchWriteItem requests of up to 25 items, several in flight; UnprocessedItems and
 * throttling are retried with full-jitter exponential backoff, and an item still unwritten after
 * {@link #withMaxAttempts} attempts is rejected with its reason through {@link WriterContext#reject}, never dropped.
 * An item over 400 KB, without its key, or with a number DynamoDB cannot hold is rejected before any call.
 * {@link WriteMode#INSERT_IF_ABSENT} and {@link WriteMode#UPDATE} use PutItem and UpdateItem, in parallel.
 *
 * <p>DynamoDB has no multi-item commit: items become visible as the writer sends them, and a writer closed without
 * {@code commit()} leaves what it already sent. Writes are keyed by the item's key, so running the same input again
 * leaves one copy of each item; the sink's {@link #commit} only reports.
 *
 * <pre>{@code
 * // given: DynamoDbClient client, Source<InvoiceLine> source
 * DynamoDbSink<InvoiceLine> sink = DynamoDbSink.<InvoiceLine>toTable("invoices")
 *     .withClient(client)                       // caller-owned: never closed by the sink
 *     .withPartitionKey("invoice_no")
 *     .withSortKey("line")
 *     .withMaxBatchesInFlight(8);
 * Pipeline.from(source).to(sink).run();
 * }</pre>
 *
 * @param <T> the row type: a Java record or an Avro {@code GenericRecord}
 */
public final class DynamoDbSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  /**
   * How items are written.
   *
   * <pre>{@code
   * // given: DynamoDbSink<InvoiceLine> sink
   * sink.withMode(DynamoDbSink.WriteMode.UPDATE, "quantity", "unit_price");
   * }</pre>
   */
  public enum WriteMode {
    /** BatchWriteItem puts: an existing item with the same key is replaced. */
    PUT,
    /**
     * PutItem with {@code attribute_not_exists(<partition key>)}: an existing item is kept, and the row is counted as
     * {@code skipped} in the writer's metadata (and as written in the run report: it is accounted for).
     */
    INSERT_IF_ABSENT,
    /** UpdateItem {@code SET} of the listed attributes (a null value {@code REMOVE}s it); creates missing items. */
    UPDATE
  }

  final String table;
  final transient DynamoDbClient client;
  final KeySpec<T> partitionKey;
  final KeySpec<T> sortKey;
  final WriteMode mode;
  final List<String> updateAttributes;
  final int maxBatchesInFlight;
  final int maxAttempts;
  final Duration backoffBase;
  final Duration backoffCap;

  private DynamoDbSink(String table, DynamoDbClient client, KeySpec<T> partitionKey, KeySpec<T> sortKey,
      WriteMode mode, List<String> updateAttributes, int maxBatchesInFlight, int maxAttempts, Duration backoffBase,
      Duration backoffCap) {
    this.table = table;
    this.client = client;
    this.partitionKey = partitionKey;
    this.sortKey = sortKey;
    this.mode = mode;
    this.updateAttributes = List.copyOf(updateAttributes);
    this.maxBatchesInFlight = maxBatchesInFlight;
    this.maxAttempts = maxAttempts;
    this.backoffBase = backoffBase;
    this.backoffCap = backoffCap;
  }

  /** A sink into {@code table}; set the client and the partition key before use. */
  public static <T> DynamoDbSink<T> toTable(String table) {
    ValidationException.check(table != null && !table.isBlank(), "DynamoDbSink.toTable needs a table name");
    return new DynamoDbSink<>(table, null, null, null, WriteMode.PUT, List.of(), 8, 10, Duration.ofMillis(50),
        Duration.ofSeconds(10));
  }

  /** The client to write with. The caller owns it: the sink never closes it. */
  public DynamoDbSink<T> withClient(DynamoDbClient dynamoDb) {
    Objects.requireNonNull(dynamoDb, "client");
    return copy(dynamoDb, partitionKey, sortKey, mode, updateAttributes, maxBatchesInFlight, maxAttempts,
        backoffBase, backoffCap);
  }

  /** The partition key is the row's field {@code field} (its column name), stored under the same name. */
  public DynamoDbSink<T> withPartitionKey(String field) {
    return withPartitionKey(KeySpec.field(field));
  }

  /** The partition key is stored as {@code attribute} and computed from the row (a String, number or byte[]). */
  public DynamoDbSink<T> withPartitionKey(String attribute, SerializableFunction<? super T, ?> key) {
    return withPartitionKey(KeySpec.computed(attribute, key));
  }

  /** The sort key is the row's field {@code field}. */
  public DynamoDbSink<T> withSortKey(String field) {
    return withSortKey(KeySpec.field(field));
  }

  /** The sort key is stored as {@code attribute} and computed from the row (a String, number or byte[]). */
  public DynamoDbSink<T> withSortKey(String attribute, SerializableFunction<? super T, ?> key) {
    return withSortKey(KeySpec.computed(attribute, key));
  }

  private DynamoDbSink<T> withPartitionKey(KeySpec<T> key) {
    return copy(client, key, sortKey, mode, updateAttributes, maxBatchesInFlight, maxAttempts, backoffBase,
        backoffCap);
  }

  private DynamoDbSink<T> withSortKey(KeySpec<T> key) {
    return copy(client, partitionKey, key, mode, updateAttributes, maxBatchesInFlight, maxAttempts, backoffBase,
        backoffCap);
  }

  /** How items are written; {@link WriteMode#UPDATE} needs the attributes to set. Default {@code PUT}. */
  public DynamoDbSink<T> withMode(WriteMode writeMode, String... attributes) {
    Objects.requireNonNull(writeMode, "mode");
    List<String> attrs = List.of(attributes);
    ValidationException.check(writeMode != WriteMode.UPDATE || !attrs.isEmpty(),
        "WriteMode.UPDATE needs the attributes to set, e.g. withMode(WriteMode.UPDATE, \"quantity\")");
    ValidationException.check(writeMode == WriteMode.UPDATE || attrs.isEmpty(),
        "Attributes %s only apply to WriteMode.UPDATE, not %s", attrs, writeMode);
    return copy(client, partitionKey, sortKey, writeMode, attrs, maxBatchesInFlight, maxAttempts, backoffBase,
        backoffCap);
  }

  /** Requests each writer keeps in flight at once (default 8). */
  public DynamoDbSink<T> withMaxBatchesInFlight(int batches) {
    ValidationException.check(batches >= 1 && batches <= 64, "maxBatchesInFlight must be 1..64 but was %s", batches);
    return copy(client, partitionKey, sortKey, mode, updateAttributes, batches, maxAttempts, backoffBase, backoffCap);
  }

  /** Attempts per item, the first included, before it is rejected (default 10). */
  public DynamoDbSink<T> withMaxAttempts(int attempts) {
    ValidationException.check(attempts >= 1, "maxAttempts must be at least 1 but was %s", attempts);
    return copy(client, partitionKey, sortKey, mode, updateAttributes, maxBatchesInFlight, attempts, backoffBase,
        backoffCap);
  }

  /**
   * Lake's full-jitter {@link dev.lake.io.Backoff}: after the n-th failed attempt in a row, sleep a random time up to
   * {@code min(cap, base * 2^(n-1))}.
   */
  public DynamoDbSink<T> withBackoff(Duration base, Duration cap) {
    ValidationException.check(base != null && cap != null && !base.isNegative() && cap.compareTo(base) >= 0,
        "withBackoff needs 0 <= base <= cap but got %s, %s", base, cap);
    return copy(client, partitionKey, sortKey, mode, updateAttributes, maxBatchesInFlight, maxAttempts, base, cap);
  }

  private DynamoDbSink<T> copy(DynamoDbClient c, KeySpec<T> pk, KeySpec<T> sk, WriteMode m, List<String> attrs,
      int inFlight, int attempts, Duration base, Duration cap) {
    return new DynamoDbSink<>(table, c, pk, sk, m, attrs, inFlight, attempts, base, cap);
  }

  /** The table written to. */
  public String table() {
    return table;
  }

  @Override
  public String name() {
    return "dynamodb:" + table;
  }

  /** Checks the configuration; called by {@link #open} before any I/O. */
  public DynamoDbSink<T> validate() {
    ValidationException.check(client != null, "%s has no client: call withClient(DynamoDbClient)", name());
    ValidationException.check(partitionKey != null, "%s has no partition key: call withPartitionKey(\"field\")",
        name());
    ValidationException.check(sortKey == null || !sortKey.attribute().equals(partitionKey.attribute()),
        "%s: the sort key '%s' is also the partition key", name(), sortKey == null ? "" : sortKey.attribute());
    return this;
  }

  @Override
  public SinkWriter<T> open(WriterContext ctx) {
    validate();
    return new DynamoDbSinkWriter<>(this, ctx);
  }

  /** Reports what the writers wrote: their items are already in the table (see the class comment). */
  @Override
  public CommitSummary commit(List<WriterResult> results, CommitContext ctx) {
    long rows = results.stream().mapToLong(WriterResult::rows).sum();
    return CommitSummary.builder().sink(name()).rows(rows).build();
  }

  /**
   * The one write action of the mode on the table's ARN, in the client's region (else the scope's):
   * {@code dynamodb:BatchWriteItem} (PUT), {@code dynamodb:PutItem} (INSERT_IF_ABSENT) or
   * {@code dynamodb:UpdateItem} (UPDATE).
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    dev.lake.iam.IamScope in = client == null ? scope
        : scope.withRegion(client.serviceClientConfiguration().region().id());
    String action = switch (mode) {
      case PUT -> "dynamodb:BatchWriteItem";
      case INSERT_IF_ABSENT -> "dynamodb:PutItem";
      case UPDATE -> "dynamodb:UpdateItem";
    };
    return dev.lake.iam.IamPolicy.of(dev.lake.iam.Permission.allow(List.of(action), in.arn("dynamodb",
        "table/" + table)));
  }

  @Override
  public String toString() {
    return "DynamoDbSink{table=" + table + ", partitionKey=" + partitionKey + ", sortKey=" + sortKey + ", mode="
        + mode + (updateAttributes.isEmpty() ? "" : " " + updateAttributes) + ", maxBatchesInFlight="
        + maxBatchesInFlight + ", maxAttempts=" + maxAttempts + "}";
  }
}
