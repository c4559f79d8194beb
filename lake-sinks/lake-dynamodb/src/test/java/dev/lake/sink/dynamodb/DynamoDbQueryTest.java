package dev.lake.sink.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Column;
import dev.lake.Decimal;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.testing.Dynalite;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class DynamoDbQueryTest {
  record Line(@Column("invoice_no") String invoiceNo, int line, @Column("customer_id") Long customerId,
      @Column("invoice_date") LocalDateTime invoiceDate, @Decimal(precision = 10, scale = 3) BigDecimal price,
      List<String> tags) {}

  private static Dynalite dynamo;
  private static DynamoDbClient client;
  private static TableDescription description;

  @BeforeAll
  static void load() throws IOException {
    dynamo = Dynalite.start();
    client = dynamo.client();
    description = DynamoDbTables.table("lines")
        .partitionKey("invoice_no", ScalarAttributeType.S).sortKey("line", ScalarAttributeType.N)
        .globalIndex("by_customer", "customer_id", ScalarAttributeType.N, "invoice_date", ScalarAttributeType.S)
        .createIfAbsent(client);
    DynamoDbSink<Line> sink = DynamoDbSink.<Line>toTable("lines").withClient(client).withPartitionKey("invoice_no")
        .withSortKey("line");
    try (SinkWriter<Line> w = sink.open(WriterContext.of("k", 0))) {
      for (int i = 1; i <= 30; i++) {
        w.write(new Line("536365", i, 17850L, LocalDateTime.of(2010, 12, 1, 8, 26), new BigDecimal("2.550"),
            List.of("t" + i)));
      }
      for (int i = 1; i <= 3; i++) {
        w.write(new Line("C536379", i, 17850L, LocalDateTime.of(2011, 1, 5, 9, 41), new BigDecimal("-27.500"),
            List.of()));
        w.write(new Line("536414", i, null, LocalDateTime.of(2010, 12, 1, 11, 52), BigDecimal.ZERO, List.of()));
      }
      w.commit();
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void createIfAbsent_onDemandWithIndex_isActive() {
    assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(description.globalSecondaryIndexes()).singleElement()
        .satisfies(i -> assertThat(i.indexName()).isEqualTo("by_customer"));
  }

  @Test
  void list_partitionKeyWithSmallPages_followsLastEvaluatedKey() {
    List<Line> lines = DynamoDbQuery.of(client, "lines", Line.class).partitionKey("536365").pageSize(4).list();

    assertThat(lines).hasSize(30);
    assertThat(lines).extracting(Line::line).isSorted();
    assertThat(lines.get(0)).isEqualTo(new Line("536365", 1, 17850L, LocalDateTime.of(2010, 12, 1, 8, 26),
        new BigDecimal("2.550"), List.of("t1")));
  }

  @Test
  void list_sortKeyConditions_narrowTheRange() {
    DynamoDbQuery<Line> q = DynamoDbQuery.of(client, "lines", Line.class).partitionKey("536365");

    assertThat(q.sortKeyBetween(5, 7).list()).extracting(Line::line).containsExactly(5, 6, 7);
    assertThat(q.sortKeyGreaterThan(28).list()).extracting(Line::line).containsExactly(29, 30);
    assertThat(q.sortKeyAtMost(2).descending().list()).extracting(Line::line).containsExactly(2, 1);
    assertThat(q.limit(3).pageSize(2).list()).extracting(Line::line).containsExactly(1, 2, 3);
  }

  @Test
  void stream_globalIndex_returnsTheCustomersLinesOnly() {
    DynamoDbQuery<Line> history = DynamoDbQuery.of(client, "lines", Line.class).index("by_customer")
        .partitionKey(17850L);

    assertThat(history.stream().count()).isEqualTo(33);
    assertThat(history.sortKeyBeginsWith("2011-01").list()).extracting(Line::invoiceNo).containsOnly("C536379");
    assertThat(history.descending().first()).get().extracting(Line::price).isEqualTo(new BigDecimal("-27.500"));
  }

  @Test
  void iterator_unknownIndexOrNoPartitionKey_failsNamingTheFix() {
    assertThatThrownBy(() -> DynamoDbQuery.of(client, "lines", Line.class).index("nope").partitionKey("x").list())
        .isInstanceOf(ValidationException.class).hasMessageContaining("has no global secondary index 'nope'")
        .hasMessageContaining("[by_customer]");
    assertThatThrownBy(() -> DynamoDbQuery.of(client, "lines", Line.class).list())
        .isInstanceOf(ValidationException.class).hasMessageContaining("call partitionKey(value)");
  }

  @Test
  void partitionKey_notANumber_failsBeforeAnyRequestNamingTheFix() {
    assertThatThrownBy(() -> DynamoDbQuery.of(client, "lines", Line.class).partitionKey(Double.NaN))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Query of lines: Field partition key is NaN, which DynamoDB numbers cannot hold; "
            + "pass a finite number within DynamoDB's range");
  }

  @Test
  void sortKey_outsideDynamoDbsRange_failsNamingTheValueAndTheRange() {
    assertThatThrownBy(() -> DynamoDbQuery.of(client, "lines", Line.class).partitionKey("536365")
        .sortKeyAtLeast(new BigDecimal("1E+200")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Query of lines: Field sort key is 1E+200, outside DynamoDB's range 1E-130 to "
            + "9.99E+125; pass a finite number");
  }

  @Test
  void list_fieldTypeTheTableDoesNotHold_failsNamingTheAttributeValueAndFix() {
    record DayLine(@Column("invoice_no") String invoiceNo, int line,
        @Column("invoice_date") java.time.LocalDate invoiceDate) {}

    assertThatThrownBy(() -> DynamoDbQuery.of(client, "lines", DayLine.class).partitionKey("536365").limit(1).list())
        .isInstanceOf(dev.lake.exceptions.SchemaException.class)
        .hasMessageStartingWith("Attribute invoice_date of lines is AttributeValue(S=2010-12-01T08:26:00), which "
            + "does not read as DayLine.invoice_date (date): java.time.format.DateTimeParseException: Text "
            + "'2010-12-01T08:26:00' could not be parsed")
        .hasMessageEndingWith("; give the field the type the table holds, or rewrite the item")
        .hasCauseInstanceOf(java.time.format.DateTimeParseException.class);
  }
}
