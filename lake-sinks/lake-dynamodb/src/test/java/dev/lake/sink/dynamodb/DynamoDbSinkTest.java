package dev.lake.sink.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.BadRowPolicy;
import dev.lake.Decimal;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.BadRow;
import dev.lake.testing.Dynalite;
import dev.lake.testing.InMemorySource;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import dev.lake.sink.dynamodb.DynamoDbSink.WriteMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbSinkTest {
  record Address(String city, String zip) {}

  record Order(String id, long total, @Decimal(precision = 38, scale = 18) BigDecimal price, double ratio, Address address, List<String> tags,
      Map<String, Integer> counts, byte[] blob, String note, String empty, Instant at, LocalDate day) {}

  record Line(String id, int n, String text) {}

  private static Dynalite dynamo;
  private static DynamoDbClient client;
  private static int tables;

  @BeforeAll
  static void start() throws IOException {
    dynamo = Dynalite.start();
    client = dynamo.client();
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  private static String newTable(boolean sortKey) {
    String name = "table_" + (++tables);
    DynamoDbTables.Definition d = DynamoDbTables.table(name).partitionKey("id", ScalarAttributeType.S);
    (sortKey ? d.sortKey("n", ScalarAttributeType.N) : d).createIfAbsent(client);
    return name;
  }

  private static <T> WriterResult writeAll(DynamoDbSink<T> sink, List<T> rows, List<BadRow> bad) throws IOException {
    try (SinkWriter<T> w = sink.open(WriterContext.of("k", 0, bad::add))) {
      for (T r : rows) {
        w.write(r);
      }
      return w.commit();
    }
  }

  @Test
  void write_everyType_roundTripsExactly() throws IOException {
    String table = newTable(false);
    BigDecimal price = new BigDecimal("12345678901234567890.123456789012345678"); // 38 digits
    Order order = new Order("o1", Long.MAX_VALUE, price, 0.1, new Address("Lyon", ""), List.of("a", "", "c"),
        Map.of("x", 1), new byte[] {0, 1, (byte) 255}, null, "", Instant.parse("2026-11-26T10:15:30.123456Z"),
        LocalDate.of(2010, 12, 1));

    writeAll(DynamoDbSink.<Order>toTable(table).withClient(client).withPartitionKey("id"), List.of(order),
        new ArrayList<>());

    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table)
        .key(Map.of("id", AttributeValue.fromS("o1"))).consistentRead(true)).item();
    assertThat(item.get("total").n()).isEqualTo("9223372036854775807");
    assertThat(item.get("price").n()).isEqualTo("12345678901234567890.123456789012345678");
    assertThat(item.get("ratio").n()).isEqualTo("0.1");
    assertThat(item.get("address").m()).containsEntry("city", AttributeValue.fromS("Lyon"))
        .containsEntry("zip", AttributeValue.fromS(""));
    assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsExactly("a", "", "c");
    assertThat(item.get("counts").m().get("x").n()).isEqualTo("1");
    assertThat(item.get("blob").b()).isEqualTo(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255}));
    assertThat(item).doesNotContainKey("note"); // null: omitted
    assertThat(item.get("empty").s()).isEmpty();
    assertThat(item.get("at").s()).isEqualTo("2026-11-26T10:15:30.123456Z");
    assertThat(item.get("day").s()).isEqualTo("2010-12-01");
  }

  @Test
  void write_badItems_rejectedWithReasonsWhileTheRestIsWritten() {
    String table = newTable(true);
    String big = "x".repeat(410 * 1024);
    List<Line> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(new Line("p" + (i % 7), i, "line " + i));
    }
    rows.add(new Line("big", 1, big));
    rows.add(new Line(null, 2, "no key"));
    rows.add(new Line("", 3, "empty key"));

    PipelineResult result = Pipeline.from(InMemorySource.of("lines", rows))
        .to(DynamoDbSink.<Line>toTable(table).withClient(client).withPartitionKey("id").withSortKey("n"))
        .onBadRows(BadRowPolicy.collect(100))
        .run();

    assertThat(result.reconciles()).isTrue();
    assertThat(result.rowsWritten()).isEqualTo(100);
    assertThat(result.rowsRejected()).isEqualTo(3);
    assertThat(result.badRows()).extracting(BadRow::reason).anySatisfy(r -> assertThat(r)
        .startsWith("Item is 419,8").contains("over DynamoDB's item limit of 400 KB"))
        .anySatisfy(r -> assertThat(r).isEqualTo("Item has no partition key: 'id' is null"))
        .anySatisfy(r -> assertThat(r).contains("'id' is empty"));
    assertThat(Tables.scanAll(client, table)).hasSize(100);
  }

  @Test
  void write_unprocessedItemsAndThrottling_everyItemLandsOnce() throws IOException {
    String table = newTable(true);
    FaultyClient faulty = new FaultyClient(client, "id", Set.of());
    List<Line> rows = IntStream.range(0, 2_000).mapToObj(i -> new Line("p" + (i % 50), i, "t" + i)).toList();
    DynamoDbSink<Line> sink = DynamoDbSink.<Line>toTable(table).withClient(faulty).withPartitionKey("id")
        .withSortKey("n").withMaxBatchesInFlight(4).withMaxAttempts(30)
        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(20));
    List<BadRow> bad = new ArrayList<>();

    WriterResult result = writeAll(sink, rows, bad);

    assertThat(bad).isEmpty();
    assertThat(result.rows()).isEqualTo(2_000);
    assertThat(faulty.throttled.get()).isPositive();
    assertThat(faulty.unprocessed.get()).isPositive();
    assertThat(Long.parseLong(result.metadata().get("retries"))).isPositive();
    List<Map<String, AttributeValue>> items = Tables.scanAll(client, table);
    Set<String> keys = items.stream().map(i -> i.get("id").s() + "/" + i.get("n").n()).collect(Collectors.toSet());
    assertThat(items).hasSize(2_000);
    assertThat(keys).hasSize(2_000);
  }

  @Test
  void write_itemNeverProcessed_rejectedAfterMaxAttempts() throws IOException {
    String table = newTable(true);
    FaultyClient faulty = new FaultyClient(client, "id", Set.of("stuck"));
    List<Line> rows = new ArrayList<>(IntStream.range(0, 60).mapToObj(i -> new Line("ok", i, "t")).toList());
    rows.add(new Line("stuck", 1, "never"));
    List<BadRow> bad = new ArrayList<>();

    WriterResult result = writeAll(DynamoDbSink.<Line>toTable(table).withClient(faulty).withPartitionKey("id")
        .withSortKey("n").withMaxAttempts(12).withBackoff(Duration.ZERO, Duration.ofMillis(5)), rows, bad);

    assertThat(result.rows()).isEqualTo(60);
    assertThat(bad).singleElement().satisfies(b -> {
      assertThat(b.reason()).startsWith("Not written after 12 attempts: ");
      assertThat(b.position()).contains("stuck");
    });
    assertThat(Tables.scanAll(client, table)).hasSize(60);
  }

  @Test
  void write_duplicateKeysInOneBatch_lastRowWins() throws IOException {
    String table = newTable(true);
    List<Line> rows = List.of(new Line("a", 1, "first"), new Line("a", 2, "x"), new Line("a", 1, "second"));

    WriterResult result = writeAll(DynamoDbSink.<Line>toTable(table).withClient(client).withPartitionKey("id")
        .withSortKey("n"), rows, new ArrayList<>());

    assertThat(result.rows()).isEqualTo(3);
    assertThat(result.metadata()).containsEntry("superseded", "1");
    assertThat(client.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("a"), "n",
        AttributeValue.fromN("1")))).item().get("text").s()).isEqualTo("second");
  }

  @Test
  void write_insertIfAbsent_keepsExistingAndCountsSkipped() throws IOException {
    String table = newTable(true);
    DynamoDbSink<Line> sink = DynamoDbSink.<Line>toTable(table).withClient(client).withPartitionKey("id")
        .withSortKey("n").withMode(WriteMode.INSERT_IF_ABSENT);
    writeAll(sink, List.of(new Line("a", 1, "original")), new ArrayList<>());

    WriterResult again = writeAll(sink, List.of(new Line("a", 1, "changed"), new Line("a", 2, "new")),
        new ArrayList<>());

    assertThat(again.metadata()).containsEntry("skipped", "1").containsEntry("written", "1");
    assertThat(again.rows()).isEqualTo(2);
    assertThat(Tables.scanAll(client, table)).extracting(i -> i.get("text").s())
        .containsExactlyInAnyOrder("original", "new");
  }

  @Test
  void write_update_setsOnlyTheListedAttributes() throws IOException {
    String table = newTable(true);
    client.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("a"), "n",
        AttributeValue.fromN("1"), "text", AttributeValue.fromS("old"), "other", AttributeValue.fromS("kept"))));

    writeAll(DynamoDbSink.<Line>toTable(table).withClient(client).withPartitionKey("id").withSortKey("n")
        .withMode(WriteMode.UPDATE, "text"), List.of(new Line("a", 1, "new")), new ArrayList<>());

    Map<String, AttributeValue> item = Tables.scanAll(client, table).get(0);
    assertThat(item.get("text").s()).isEqualTo("new");
    assertThat(item.get("other").s()).isEqualTo("kept");
  }

  @Test
  void write_computedKeyAndTooManyDigits_keyAddedAndNumberRejected() throws IOException {
    String table = newTable(false);
    record Price(String sku, @Decimal(precision = 50, scale = 0) BigDecimal amount) {}
    List<BadRow> bad = new ArrayList<>();

    writeAll(DynamoDbSink.<Price>toTable(table).withClient(client).withPartitionKey("id", p -> "SKU#" + p.sku()),
        List.of(new Price("1", BigDecimal.ONE), new Price("2", new BigDecimal("1234567890123456789012345678901234567890"))),
        bad);

    assertThat(Tables.scanAll(client, table)).singleElement().satisfies(i ->
        assertThat(i.get("id").s()).isEqualTo("SKU#1"));
    assertThat(bad).singleElement().extracting(BadRow::reason).asString()
        .contains("amount").contains("39 significant digits, DynamoDB numbers hold at most 38");
  }

  @Test
  void write_computedSortKeyNotANumber_rowRejectedNamingTheKey() throws IOException {
    String table = newTable(true);
    record Reading(String id, String value) {}
    List<BadRow> bad = new ArrayList<>();

    writeAll(DynamoDbSink.<Reading>toTable(table).withClient(client).withPartitionKey("id")
            .withSortKey("n", r -> Double.valueOf(r.value())), List.of(new Reading("a", "1.5"), new Reading("b", "NaN")),
        bad);

    assertThat(Tables.scanAll(client, table)).singleElement().satisfies(i ->
        assertThat(i.get("n").n()).isEqualTo("1.5"));
    assertThat(bad).singleElement().extracting(BadRow::reason).asString()
        .isEqualTo("Field n is NaN, which DynamoDB numbers cannot hold");
  }

  @Test
  void open_withoutClientOrKey_failsNamingTheCall() {
    assertThatThrownBy(() -> DynamoDbSink.<Line>toTable("t").withPartitionKey("id").open(WriterContext.of("k", 0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("call withClient(DynamoDbClient)");
    assertThatThrownBy(() -> DynamoDbSink.<Line>toTable("t").withClient(client).open(WriterContext.of("k", 0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("call withPartitionKey(\"field\")");
    assertThatThrownBy(() -> DynamoDbSink.<Line>toTable("t").withMode(WriteMode.UPDATE))
        .isInstanceOf(ValidationException.class).hasMessageContaining("needs the attributes to set");
  }

  @Test
  void commit_leavesTheCallersClientOpen() throws IOException {
    String table = newTable(false);
    writeAll(DynamoDbSink.<Line>toTable(table).withClient(client).withPartitionKey("id"),
        List.of(new Line("a", 1, "x")), new ArrayList<>());

    assertThat(client.listTables().tableNames()).contains(table);
    assertThat(new HashSet<>(Tables.scanAll(client, table))).hasSize(1);
  }
}
