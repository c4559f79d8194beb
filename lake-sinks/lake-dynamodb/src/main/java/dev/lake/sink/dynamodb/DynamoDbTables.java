package dev.lake.sink.dynamodb;

import dev.lake.exceptions.SinkException;
import dev.lake.exceptions.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates DynamoDB tables for sinks and queries: on-demand capacity (PAY_PER_REQUEST), a key schema and global
 * secondary indexes projecting all attributes, then waits until the table and its indexes are active.
 *
 * <pre>{@code
 * // given: DynamoDbClient client
 * DynamoDbTables.table("invoices")
 *     .partitionKey("invoice_no", ScalarAttributeType.S)
 *     .sortKey("line", ScalarAttributeType.N)
 *     .globalIndex("by_customer", "customer_id", ScalarAttributeType.N, "invoice_date", ScalarAttributeType.S)
 *     .createIfAbsent(client);
 * }</pre>
 */
public final class DynamoDbTables {
  private DynamoDbTables() {}

  /** Starts the definition of table {@code name}. */
  public static Definition table(String name) {
    ValidationException.check(name != null && name.length() >= 3, "A DynamoDB table name has 3 to 255 characters");
    return new Definition(name, null, null, List.of());
  }

  /** Deletes {@code table} if it exists. */
  public static void deleteIfExists(DynamoDbClient client, String table) {
    try {
      client.deleteTable(b -> b.tableName(table));
    } catch (ResourceNotFoundException absent) {
      // nothing to delete
    }
  }

  /** Waits until {@code table} and all its indexes are ACTIVE, for at most {@code timeout}. */
  public static TableDescription awaitActive(DynamoDbClient client, String table, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TableDescription t = client.describeTable(b -> b.tableName(table)).table();
      boolean indexesActive = !t.hasGlobalSecondaryIndexes() || t.globalSecondaryIndexes().stream()
          .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
      if (t.tableStatus() == TableStatus.ACTIVE && indexesActive) {
        return t;
      }
      if (System.nanoTime() > deadline) {
        throw new SinkException("dynamodb", "Table " + table + " is still " + t.tableStatus() + " after " + timeout,
            null, true, 1);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SinkException("dynamodb", "Interrupted while waiting for table " + table, e);
      }
    }
  }

  /**
   * A table to create: immutable, each call returns a new definition.
   *
   * <pre>{@code
   * // given: DynamoDbClient client
   * Definition d = DynamoDbTables.table("events").partitionKey("id", ScalarAttributeType.S);
   * d.createIfAbsent(client);
   * }</pre>
   */
  public static final class Definition {
    private final String name;
    private final Attr partitionKey;
    private final Attr sortKey;
    private final List<Index> indexes;

    private record Attr(String name, ScalarAttributeType type) {}

    private record Index(String name, Attr partitionKey, Attr sortKey) {}

    private Definition(String name, Attr partitionKey, Attr sortKey, List<Index> indexes) {
      this.name = name;
      this.partitionKey = partitionKey;
      this.sortKey = sortKey;
      this.indexes = List.copyOf(indexes);
    }

    public Definition partitionKey(String attribute, ScalarAttributeType type) {
      return new Definition(name, attr(attribute, type), sortKey, indexes);
    }

    public Definition sortKey(String attribute, ScalarAttributeType type) {
      return new Definition(name, partitionKey, attr(attribute, type), indexes);
    }

    /** A global secondary index projecting all attributes, with a partition key only. */
    public Definition globalIndex(String index, String partitionKey, ScalarAttributeType type) {
      return globalIndex(index, partitionKey, type, null, null);
    }

    /** A global secondary index projecting all attributes; items without its key attributes are not in it. */
    public Definition globalIndex(String index, String indexPartitionKey, ScalarAttributeType pkType,
        String indexSortKey, ScalarAttributeType skType) {
      ValidationException.check(index != null && !index.isBlank(), "An index needs a name");
      List<Index> more = new ArrayList<>(indexes);
      more.add(new Index(index, attr(indexPartitionKey, pkType), indexSortKey == null ? null
          : attr(indexSortKey, skType)));
      return new Definition(name, partitionKey, sortKey, more);
    }

    private static Attr attr(String attribute, ScalarAttributeType type) {
      ValidationException.check(attribute != null && !attribute.isBlank(), "A key attribute needs a name");
      Objects.requireNonNull(type, "type");
      return new Attr(attribute, type);
    }

    /**
     * Creates the table on demand (PAY_PER_REQUEST) unless it exists, and waits up to 5 minutes until it and its
     * indexes are active.
     */
    public TableDescription createIfAbsent(DynamoDbClient client) {
      ValidationException.check(partitionKey != null, "Table %s has no partition key: call partitionKey(..)", name);
      Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
      List<GlobalSecondaryIndex> gsis = new ArrayList<>();
      for (Attr a : keyAttrs(partitionKey, sortKey)) {
        attributes.put(a.name(), a.type());
      }
      for (Index i : indexes) {
        for (Attr a : keyAttrs(i.partitionKey(), i.sortKey())) {
          ScalarAttributeType before = attributes.putIfAbsent(a.name(), a.type());
          ValidationException.check(before == null || before == a.type(),
              "Attribute %s is %s in one key and %s in another", a.name(), before, a.type());
        }
        gsis.add(GlobalSecondaryIndex.builder().indexName(i.name()).keySchema(keySchema(i.partitionKey(),
            i.sortKey())).projection(p -> p.projectionType(ProjectionType.ALL)).build());
      }
      try {
        client.createTable(b -> b.tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(keySchema(partitionKey, sortKey))
            .attributeDefinitions(attributes.entrySet().stream().map(e -> AttributeDefinition.builder()
                .attributeName(e.getKey()).attributeType(e.getValue()).build()).toList())
            .globalSecondaryIndexes(gsis.isEmpty() ? null : gsis));
      } catch (ResourceInUseException exists) {
        // created before (or being created): wait for it below
      }
      return awaitActive(client, name, Duration.ofMinutes(5));
    }

    private static List<Attr> keyAttrs(Attr pk, Attr sk) {
      return sk == null ? List.of(pk) : List.of(pk, sk);
    }

    private static List<KeySchemaElement> keySchema(Attr pk, Attr sk) {
      List<KeySchemaElement> keys = new ArrayList<>();
      keys.add(KeySchemaElement.builder().attributeName(pk.name()).keyType(KeyType.HASH).build());
      if (sk != null) {
        keys.add(KeySchemaElement.builder().attributeName(sk.name()).keyType(KeyType.RANGE).build());
      }
      return keys;
    }

    @Override
    public String toString() {
      return "Table " + name + " (" + partitionKey + (sortKey == null ? "" : ", " + sortKey) + ") indexes " + indexes;
    }
  }
}
