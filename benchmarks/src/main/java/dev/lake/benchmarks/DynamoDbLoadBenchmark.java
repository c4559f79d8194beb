package dev.lake.benchmarks;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Clock;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.examples.ecommerce.invoices.InvoiceLine;
import dev.lake.examples.ecommerce.invoices.InvoiceLineSource;
import dev.lake.examples.ecommerce.invoices.InvoiceTable;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.sink.dynamodb.DynamoDbTables;
import dev.lake.testing.Dynalite;
import dev.lake.source.files.CsvSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bulk load of Online Retail invoice lines into DynamoDB (dynalite, started here): Lake's DynamoDB sink against a
 * one-PutItem-per-row loop and a BatchWriteItem loop that ignores UnprocessedItems, interleaved on a fresh table each
 * (created before the clock starts), in one JVM. After each run a Scan counts the items (untimed): the sink and the
 * PutItem loop must have written every line; what the naive loop lost goes to {@code extra} as {@code lost=N}.
 *
 * <p>dynalite never returns UnprocessedItems; real DynamoDB does under load. The second comparison,
 * {@code dynamodb-unprocessed}, has every contender's client hand back 5% of each BatchWriteItem unwritten, as a
 * throttled table does.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only dynamodb"
 * }</pre>
 */
final class DynamoDbLoadBenchmark implements Benchmark {

  @Override
  public String name() {
    return "dynamodb";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    String files = s.quick() ? "2010-12-01.csv.gz" : "2010-12-0*.csv.gz";
    InMemorySink<InvoiceLine> memory = InMemorySink.create();
    Pipeline.from(InvoiceLineSource.of(CsvSource.of(Sale.class)
        .from(s.data().toUri() + "online_retail/by-day/" + files))).to(memory).run();
    List<InvoiceLine> lines = memory.rows();
    try (Dynalite dynamo = Dynalite.start(); DynamoDbClient real = dynamo.client()) {
      for (double unprocessed : new double[] {0, 0.05}) {
        DynamoDbClient client = unprocessed == 0 ? real : new PartialClient(real, unprocessed);
        String name = unprocessed == 0 ? name() : name() + "-unprocessed";
        AtomicInteger tables = new AtomicInteger();
        h.compare(Comparison.of(name, String.format("%,d invoice lines (%s) into dynalite, %.0f%% of each "
                + "BatchWriteItem returned unprocessed", lines.size(), files, unprocessed * 100))
            .variant("lake-sink", (clock, dir) -> load(real, "sink_" + tables.incrementAndGet(), clock, lines, true,
                t -> loadWithSink(client, t, lines)))
            .variant("putitem-loop", (clock, dir) -> load(real, "put_" + tables.incrementAndGet(), clock, lines,
                true, t -> putLoop(client, t, lines)))
            .variant("naive-batch-loop", (clock, dir) -> load(real, "batch_" + tables.incrementAndGet(), clock,
                lines, false, t -> naiveBatchLoop(client, t, lines)))
            .warmups(s.warmups(1, 0))
            .runs(s.runs(3, 1)));
      }
    }
  }

  interface Load {
    void run(String table) throws Exception;
  }

  /** Creates the table (untimed), loads it (timed), counts and drops it (untimed). */
  private static Outcome load(DynamoDbClient real, String table, Clock clock, List<InvoiceLine> lines,
      boolean mustBeComplete, Load load) throws Exception {
    InvoiceTable.named(table).create(real);
    clock.restart();
    load.run(table);
    clock.stop();
    long n = count(real, table);
    if (mustBeComplete && n != lines.size()) {
      throw new IllegalStateException(table + " holds " + n + " items, expected " + lines.size());
    }
    return Outcome.rows(lines.size()).withExtra("lost=" + (lines.size() - n));
  }

  private static void loadWithSink(DynamoDbClient client, String table, List<InvoiceLine> lines) {
    PipelineResult r = Pipeline.from(InMemorySource.of("lines", lines))
        .to(InvoiceTable.named(table).sink(client).withMaxAttempts(15)).run();
    if (r.rowsWritten() != lines.size()) {
      throw new IllegalStateException("The sink wrote " + r.rowsWritten() + " of " + lines.size());
    }
  }

  private static void putLoop(DynamoDbClient client, String table, List<InvoiceLine> lines) {
    for (InvoiceLine l : lines) {
      client.putItem(PutItemRequest.builder().tableName(table).item(item(l)).build());
    }
  }

  /** The loop many hand-written loaders have: batches of 25, the response not looked at. */
  private static void naiveBatchLoop(DynamoDbClient client, String table, List<InvoiceLine> lines) {
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(lines.get(i))).build()).build());
      if (batch.size() == 25 || i == lines.size() - 1) {
        client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of(table, batch)).build());
        batch = new ArrayList<>();
      }
    }
  }

  /** A hand-written mapping, as such loops have. */
  private static Map<String, AttributeValue> item(InvoiceLine l) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("invoice_no", AttributeValue.fromS(l.invoiceNo()));
    m.put("line", AttributeValue.fromN(Integer.toString(l.line())));
    m.put("stock_code", AttributeValue.fromS(l.stockCode()));
    if (l.description() != null) {
      m.put("description", AttributeValue.fromS(l.description()));
    }
    m.put("quantity", AttributeValue.fromN(Integer.toString(l.quantity())));
    m.put("invoice_date", AttributeValue.fromS(
        java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(l.invoiceDate())));
    m.put("unit_price", AttributeValue.fromN(l.unitPrice().toPlainString()));
    if (l.customerId() != null) {
      m.put("customer_id", AttributeValue.fromN(l.customerId().toString()));
    }
    m.put("country", AttributeValue.fromS(l.country()));
    return m;
  }

  private static long count(DynamoDbClient client, String table) {
    long n = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page = client.scan(b -> b.tableName(table).select(Select.COUNT).exclusiveStartKey(from));
      n += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    DynamoDbTables.deleteIfExists(client, table); // keep dynalite's memory flat
    return n;
  }

  /**
   * A client whose BatchWriteItem writes all but a random {@code fraction} of each batch and returns those as
   * UnprocessedItems, as DynamoDB does when a partition is throttled. Everything else goes straight through.
   */
  static final class PartialClient implements DynamoDbClient {
    private final DynamoDbClient real;
    private final double fraction;
    final AtomicLong held = new AtomicLong();

    PartialClient(DynamoDbClient real, double fraction) {
      this.real = real;
      this.fraction = fraction;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
      String table = request.requestItems().keySet().iterator().next();
      List<WriteRequest> send = new ArrayList<>();
      List<WriteRequest> back = new ArrayList<>();
      for (WriteRequest w : request.requestItems().get(table)) {
        (ThreadLocalRandom.current().nextDouble() < fraction ? back : send).add(w);
      }
      if (!send.isEmpty()) {
        BatchWriteItemResponse r = real.batchWriteItem(b -> b.requestItems(Map.of(table, send)));
        if (r.hasUnprocessedItems() && r.unprocessedItems().containsKey(table)) {
          back.addAll(r.unprocessedItems().get(table));
        }
      }
      held.addAndGet(back.size());
      return BatchWriteItemResponse.builder().unprocessedItems(back.isEmpty() ? Map.of() : Map.of(table, back))
          .build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      return real.putItem(request);
    }

    @Override
    public String serviceName() {
      return real.serviceName();
    }

    @Override
    public void close() {}
  }
}
