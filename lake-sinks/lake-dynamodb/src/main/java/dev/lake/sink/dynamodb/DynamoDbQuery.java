package dev.lake.sink.dynamodb;

import dev.lake.Schemas;
import dev.lake.exceptions.ValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A typed DynamoDB query: the items of one partition key (of the table or of a global secondary index), optionally
 * narrowed by a sort-key condition, read as records. Immutable: each call returns a new query. Iterating follows
 * {@code LastEvaluatedKey} page by page, so a partition of any size streams in bounded memory. The key attribute
 * names come from the table's description (read once per query chain).
 *
 * <pre>{@code
 * // given: DynamoDbClient client
 * List<InvoiceLine> lines = DynamoDbQuery.of(client, "invoices", InvoiceLine.class)
 *     .partitionKey("536365")
 *     .sortKeyBetween(1, 5)
 *     .list();
 * Stream<InvoiceLine> history = DynamoDbQuery.of(client, "invoices", InvoiceLine.class)
 *     .index("by_customer").partitionKey(17850L).sortKeyBeginsWith("2010-12").stream();
 * }</pre>
 *
 * @param <T> the record type items are read as (or {@code GenericRecord} with {@link #ofGeneric})
 */
public final class DynamoDbQuery<T> implements Iterable<T> {
  private enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

  private record SortCondition(Op op, AttributeValue a, AttributeValue b) {}

  private final DynamoDbClient client;
  private final String table;
  private final Class<T> type;
  private final Schema schema;
  private final Map<String, List<String>> keyNames;
  private final String index;
  private final AttributeValue partitionKey;
  private final SortCondition sort;
  private final long limit;
  private final int pageSize;
  private final boolean descending;
  private final boolean consistent;

  private DynamoDbQuery(DynamoDbClient client, String table, Class<T> type, Schema schema,
      Map<String, List<String>> keyNames, String index, AttributeValue partitionKey, SortCondition sort, long limit,
      int pageSize, boolean descending, boolean consistent) {
    this.client = client;
    this.table = table;
    this.type = type;
    this.schema = schema;
    this.keyNames = keyNames;
    this.index = index;
    this.partitionKey = partitionKey;
    this.sort = sort;
    this.limit = limit;
    this.pageSize = pageSize;
    this.descending = descending;
    this.consistent = consistent;
  }

  /** A query of {@code table} whose items are read as records of {@code type} (fields matched by column name). */
  public static <T> DynamoDbQuery<T> of(DynamoDbClient client, String table, Class<T> type) {
    Objects.requireNonNull(client, "client");
    ValidationException.check(table != null && !table.isBlank(), "DynamoDbQuery.of needs a table name");
    return new DynamoDbQuery<>(client, table, type, Schemas.of(type), new ConcurrentHashMap<>(), null, null, null,
        Long.MAX_VALUE, 0, false, false);
  }

  /** A query whose items are read as generic rows of {@code schema}. */
  public static DynamoDbQuery<GenericRecord> ofGeneric(DynamoDbClient client, String table, Schema schema) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(schema, "schema");
    return new DynamoDbQuery<>(client, table, GenericRecord.class, schema, new ConcurrentHashMap<>(), null, null,
        null, Long.MAX_VALUE, 0, false, false);
  }

  /** Queries the global secondary index {@code indexName} instead of the table. */
  public DynamoDbQuery<T> index(String indexName) {
    return copy(indexName, partitionKey, sort, limit, pageSize, descending, consistent);
  }

  /** The partition key's value: a String, a number or a byte[]. Required. */
  public DynamoDbQuery<T> partitionKey(Object value) {
    ValidationException.check(value != null, "The partition key of a query must not be null");
    return copy(index, keyValue(value, "partition key"), sort, limit, pageSize, descending, consistent);
  }

  public DynamoDbQuery<T> sortKeyEquals(Object value) {
    return sort(Op.EQ, value, null);
  }

  public DynamoDbQuery<T> sortKeyLessThan(Object value) {
    return sort(Op.LT, value, null);
  }

  public DynamoDbQuery<T> sortKeyAtMost(Object value) {
    return sort(Op.LE, value, null);
  }

  public DynamoDbQuery<T> sortKeyGreaterThan(Object value) {
    return sort(Op.GT, value, null);
  }

  public DynamoDbQuery<T> sortKeyAtLeast(Object value) {
    return sort(Op.GE, value, null);
  }

  /** Sort keys from {@code low} to {@code high}, both included. */
  public DynamoDbQuery<T> sortKeyBetween(Object low, Object high) {
    return sort(Op.BETWEEN, low, high);
  }

  /** String sort keys starting with {@code prefix}. */
  public DynamoDbQuery<T> sortKeyBeginsWith(String prefix) {
    return sort(Op.BEGINS_WITH, prefix, null);
  }

  private DynamoDbQuery<T> sort(Op op, Object a, Object b) {
    ValidationException.check(a != null && (op != Op.BETWEEN || b != null), "A sort-key condition needs values");
    SortCondition c = new SortCondition(op, keyValue(a, "sort key"), b == null ? null : keyValue(b, "sort key"));
    return copy(index, partitionKey, c, limit, pageSize, descending, consistent);
  }

  /** A key value of this query, or a ValidationException (before any request) when DynamoDB cannot hold it. */
  private AttributeValue keyValue(Object value, String which) {
    try {
      return Items.keyValue(value, which);
    } catch (Items.ItemException e) {
      throw new ValidationException("Query of " + table + ": " + e.getMessage() + "; pass a finite number within "
          + "DynamoDB's range (38 significant digits, 1E-130 to 9.99E+125), a String or a byte[]");
    }
  }

  /** At most {@code items} items in all. */
  public DynamoDbQuery<T> limit(long items) {
    ValidationException.check(items >= 1, "limit must be at least 1 but was %s", items);
    return copy(index, partitionKey, sort, items, pageSize, descending, consistent);
  }

  /** Items per request ({@code Limit}); by default DynamoDB's 1 MB pages. */
  public DynamoDbQuery<T> pageSize(int items) {
    ValidationException.check(items >= 1, "pageSize must be at least 1 but was %s", items);
    return copy(index, partitionKey, sort, limit, items, descending, consistent);
  }

  /** Highest sort key first. */
  public DynamoDbQuery<T> descending() {
    return copy(index, partitionKey, sort, limit, pageSize, true, consistent);
  }

  /** Strongly consistent reads (tables only; indexes are eventually consistent). */
  public DynamoDbQuery<T> consistentRead() {
    return copy(index, partitionKey, sort, limit, pageSize, descending, true);
  }

  private DynamoDbQuery<T> copy(String idx, AttributeValue pk, SortCondition s, long lim, int page, boolean desc,
      boolean cons) {
    return new DynamoDbQuery<>(client, table, type, schema, keyNames, idx, pk, s, lim, page, desc, cons);
  }

  /** All matching items, in sort-key order. */
  public List<T> list() {
    List<T> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  /** The first matching item. */
  public Optional<T> first() {
    Iterator<T> it = limit(1).iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  public Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /** Iterates the items, sending a Query for each page as it is needed. */
  @Override
  public Iterator<T> iterator() {
    ValidationException.check(partitionKey != null, "Query of %s has no partition key: call partitionKey(value)",
        table);
    List<String> keys = keyNames.computeIfAbsent(index == null ? "" : index, i -> describeKeys());
    ValidationException.check(sort == null || keys.size() > 1, "%s has no sort key: remove the sort-key condition",
        index == null ? table : table + " index " + index);
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    names.put("#pk", keys.get(0));
    values.put(":pk", partitionKey);
    String expression = "#pk = :pk";
    if (sort != null) {
      names.put("#sk", keys.get(1));
      values.put(":a", sort.a());
      expression += " AND " + switch (sort.op()) {
        case EQ -> "#sk = :a";
        case LT -> "#sk < :a";
        case LE -> "#sk <= :a";
        case GT -> "#sk > :a";
        case GE -> "#sk >= :a";
        case BETWEEN -> "#sk BETWEEN :a AND :b";
        case BEGINS_WITH -> "begins_with(#sk, :a)";
      };
      if (sort.b() != null) {
        values.put(":b", sort.b());
      }
    }
    QueryRequest.Builder base = QueryRequest.builder().tableName(table).indexName(index)
        .keyConditionExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values)
        .scanIndexForward(!descending).consistentRead(consistent ? Boolean.TRUE : null);
    return new Pages(base, new ItemReader<>(type, schema, table));
  }

  private List<String> describeKeys() {
    TableDescription t = client.describeTable(b -> b.tableName(table)).table();
    List<KeySchemaElement> schemaKeys = index == null ? t.keySchema() : t.globalSecondaryIndexes().stream()
        .filter(i -> i.indexName().equals(index)).findFirst()
        .orElseThrow(() -> new ValidationException("Table " + table + " has no global secondary index '" + index
            + "'; it has " + t.globalSecondaryIndexes().stream().map(i -> i.indexName()).toList()))
        .keySchema();
    List<String> keys = new ArrayList<>();
    schemaKeys.stream().filter(k -> k.keyType() == KeyType.HASH).forEach(k -> keys.add(k.attributeName()));
    schemaKeys.stream().filter(k -> k.keyType() == KeyType.RANGE).forEach(k -> keys.add(k.attributeName()));
    return keys;
  }

  private final class Pages implements Iterator<T> {
    private final QueryRequest.Builder base;
    private final ItemReader<T> reader;
    private Iterator<Map<String, AttributeValue>> page = java.util.Collections.emptyIterator();
    private Map<String, AttributeValue> next;
    private boolean started;
    private long returned;

    Pages(QueryRequest.Builder base, ItemReader<T> reader) {
      this.base = base;
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      if (returned >= limit) {
        return false;
      }
      while (!page.hasNext() && (!started || next != null)) {
        long left = limit - returned;
        int want = (int) Math.min(pageSize > 0 ? pageSize : Integer.MAX_VALUE, left);
        QueryResponse r = client.query(base.copy().exclusiveStartKey(next)
            .limit(want == Integer.MAX_VALUE ? null : want).build());
        started = true;
        page = r.items().iterator();
        next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
      }
      return page.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      returned++;
      return reader.read(page.next());
    }
  }

  @Override
  public String toString() {
    return "DynamoDbQuery{" + table + (index == null ? "" : " index " + index) + ", partitionKey=" + partitionKey
        + (sort == null ? "" : ", " + sort) + "}";
  }
}
