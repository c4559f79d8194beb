package dev.lake.examples.ecommerce.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.PipelineResult;
import dev.lake.testing.Dynalite;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The Online Retail lines loaded into dynalite through the DynamoDB sink, then read back through the query API.
 * All 541,909 lines (25,900 invoices; about 2 minutes on 2 cores); with {@code -Dlake.fullLoad=false} only December
 * 2010 (42,481 lines, 2,025 invoices: the 23 files 2010-12-*.csv.gz) for a quick run. Expected figures were counted
 * from the CSV files independently of Lake.
 */
class InvoiceServiceTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();
  static final boolean FULL = Boolean.parseBoolean(System.getProperty("lake.fullLoad", "true"));
  static final long LINES = FULL ? 541_909 : 42_481;
  static final int INVOICES_OF_17850 = FULL ? 35 : 34;

  static Dynalite dynamo;
  static DynamoDbClient client;
  static InvoiceService service;
  static PipelineResult load;
  static long loadMillis;

  @BeforeAll
  static void load() throws IOException {
    dynamo = Dynalite.start();
    client = dynamo.client();
    InvoiceTable table = InvoiceTable.named("invoices");
    table.create(client);
    long t0 = System.nanoTime();
    load = table.loader(DATA.toUri(), FULL ? "*.csv.gz" : "2010-12-*.csv.gz", client).run();
    loadMillis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("Loaded %,d invoice lines into dynalite in %.1f s (%,.0f items/s): %s%n", load.rowsWritten(),
        loadMillis / 1000.0, load.rowsWritten() * 1000.0 / loadMillis, load.summary());
    service = new InvoiceService(client, table.name());
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void loader_everyLine_writtenOnceAndReconciled() {
    assertThat(load.reconciles()).isTrue();
    assertThat(load.rowsIn()).isEqualTo(LINES);
    assertThat(load.rowsWritten()).isEqualTo(LINES);
    assertThat(load.rowsRejected()).isZero();
    assertThat(count()).isEqualTo(LINES);
  }

  @Test
  void invoice_byNumber_returnsItsLinesInOrder() {
    Invoice inv = service.invoice("536365").orElseThrow();

    assertThat(inv.lines()).hasSize(7);
    assertThat(inv.customerId()).isEqualTo(17850L);
    assertThat(inv.invoiceDate()).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(inv.total()).isEqualByComparingTo("139.12");
    assertThat(inv.lines().get(0)).isEqualTo(new InvoiceLine("536365", 1, "85123A",
        "WHITE HANGING HEART T-LIGHT HOLDER", 6, LocalDateTime.of(2010, 12, 1, 8, 26), new BigDecimal("2.550"),
        17850L, "United Kingdom"));
    assertThat(inv.lines()).extracting(InvoiceLine::stockCode)
        .containsExactly("85123A", "71053", "84406B", "84029G", "84029E", "22752", "21730");
  }

  @Test
  void invoice_cancellation_hasNegativeQuantityAndTotal() {
    Invoice inv = service.invoice("C536379").orElseThrow();

    assertThat(inv.cancellation()).isTrue();
    assertThat(inv.lines()).singleElement().satisfies(l -> {
      assertThat(l.stockCode()).isEqualTo("D");
      assertThat(l.quantity()).isEqualTo(-1);
    });
    assertThat(inv.total()).isEqualByComparingTo("-27.5");
    assertThat(inv.customerId()).isEqualTo(14527L);
  }

  @Test
  void invoice_lineWithoutCustomer_hasNoCustomerAndIsNotInTheIndex() {
    Invoice inv = service.invoice("536414").orElseThrow();

    assertThat(inv.customerId()).isNull();
    assertThat(inv.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(56));
    assertThat(service.purchaseHistory(0L)).isEmpty();
  }

  @Test
  void invoice_unknownOrMalformed_emptyOrRefused() {
    assertThat(service.invoice("999999")).isEmpty();
    assertThatThrownBy(() -> service.invoice("53636X")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid invoice number '53636X'");
  }

  @Test
  void purchaseHistory_customer_listsTheirInvoicesOldestFirst() {
    List<Invoice.Summary> history = service.purchaseHistory(17850L);

    assertThat(history).hasSize(INVOICES_OF_17850);
    assertThat(history.get(0).invoiceNo()).isEqualTo("536365");
    assertThat(history).extracting(Invoice.Summary::invoiceDate).isSorted();
    assertThat(service.purchaseHistory(14527L)).anySatisfy(s -> {
      assertThat(s.invoiceNo()).isEqualTo("C536379");
      assertThat(s.cancellation()).isTrue();
    });
  }

  static long count() {
    long n = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = client.scan(b -> b.tableName("invoices").select(Select.COUNT).exclusiveStartKey(from));
      n += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return n;
  }
}
