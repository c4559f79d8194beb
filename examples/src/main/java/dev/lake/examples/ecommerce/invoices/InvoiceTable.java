package dev.lake.examples.ecommerce.invoices;

import dev.lake.BadRowPolicy;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.examples.Destination;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.sink.dynamodb.DynamoDbSink;
import dev.lake.sink.dynamodb.DynamoDbTables;
import dev.lake.source.files.CsvSource;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The invoice table design and its loader. One item per invoice line: partition key {@code invoice_no} (S), sort key
 * {@code line} (N), so one Query returns a whole invoice in line order. The global secondary index
 * {@code by_customer} (partition {@code customer_id} N, sort {@code invoice_date} S, ISO-8601) serves a customer's
 * purchase history in date order; lines without a customer are not in it. On-demand capacity.
 *
 * <pre>{@code
 * InvoiceTable table = InvoiceTable.named("invoices");
 * table.create(client);
 * PipelineResult r = table.loader(URI.create("file:///data/"), client).run();
 * }</pre>
 */
public final class InvoiceTable {
  public static final String PARTITION_KEY = "invoice_no";
  public static final String SORT_KEY = "line";
  public static final String BY_CUSTOMER = "by_customer";
  /** The dataset of {@link #lines}. */
  public static final String DATASET = "invoices";

  private final String name;

  private InvoiceTable(String name) {
    this.name = name;
  }

  public static InvoiceTable named(String name) {
    return new InvoiceTable(name);
  }

  public String name() {
    return name;
  }

  /** Creates the table and its index unless they exist, and waits until they are active. */
  public void create(DynamoDbClient client) {
    DynamoDbTables.table(name)
        .partitionKey(PARTITION_KEY, ScalarAttributeType.S)
        .sortKey(SORT_KEY, ScalarAttributeType.N)
        .globalIndex(BY_CUSTOMER, "customer_id", ScalarAttributeType.N, "invoice_date", ScalarAttributeType.S)
        .createIfAbsent(client);
  }

  /** The sink of invoice lines into this table. */
  public DynamoDbSink<InvoiceLine> sink(DynamoDbClient client) {
    return DynamoDbSink.<InvoiceLine>toTable(name).withClient(client).withPartitionKey(PARTITION_KEY)
        .withSortKey(SORT_KEY);
  }

  /**
   * The same lines into the dataset {@code invoices} of {@code to}: as an Iceberg table ({@code retail.invoices},
   * {@link dev.lake.examples.IcebergDestination}) upserted by {@code invoice_no, line}, so a file that corrects
   * invoices replaces their lines and the table keeps one row per line. Bad lines go to the rejected zone.
   */
  public static Pipeline<InvoiceLine> lines(URI data, String glob, Destination to) {
    return Pipeline.from(InvoiceLineSource.of(CsvSource.of(Sale.class).from(data + "online_retail/by-day/" + glob)))
        .named("invoice-lines")
        .to(to.<InvoiceLine>sink(DATASET, WriteMode.APPEND))
        .withLake(to.lake())
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /**
   * Loads the Online Retail lines under {@code <data>/online_retail/by-day/} ({@code glob} picks the files, e.g.
   * {@code "*.csv.gz"} or {@code "2010-12-0*.csv.gz"}). Bad lines are kept in the result (up to 10,000).
   */
  public Pipeline<InvoiceLine> loader(URI data, String glob, DynamoDbClient client) {
    return Pipeline.from(InvoiceLineSource.of(CsvSource.of(Sale.class).from(data + "online_retail/by-day/" + glob)))
        .named("invoices-to-dynamodb")
        .to(sink(client))
        .onBadRows(BadRowPolicy.collect(10_000));
  }
}
