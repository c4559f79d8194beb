package dev.lake.benchmarks;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.invoices.InvoiceLine;
import dev.lake.examples.ecommerce.invoices.InvoiceTable;
import dev.lake.io.InMemorySink;
import dev.lake.io.InMemorySource;
import dev.lake.sink.dynamodb.DynamoDbTables;
import dev.lake.sink.dynamodb.Dynalite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
 * one-PutItem-per-row loop and a BatchWriteItem loop that ignores UnprocessedItems, interleaved (sink, put, batch,
 * sink, ...) on a fresh table each, in one JVM. Prints items/s, ratios, and how many items the naive batch loop lost
 * (counted with a Scan afterwards).
 *
 * <p>dynalite never returns UnprocessedItems; real DynamoDB does under load. {@code --unprocessed 0.05} (default) has
 * every contender's client hand back that fraction of each BatchWriteItem unwritten, as a throttled table does.
 *
 * <pre>{@code
 * mvn -q -pl benchmarks -am package -DskipTests
 * mvn -q -pl benchmarks exec:java -Dexec.mainClass=dev.lake.benchmarks.DynamoDbLoadBenchmark \
 *     -Dexec.args="--runs 2 --files 2010-12-0*.csv.gz --unprocessed 0.05"
 * }</pre>
 */
public final class DynamoDbLoadBenchmark {
  private DynamoDbLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 2;
    Path data = Path.of("data");
    String files = "2010-12-0*.csv.gz";
    double unprocessed = 0.05;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--data" -> data = Path.of(args[++i]);
        case "--files" -> files = args[++i];
        case "--unprocessed" -> unprocessed = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]
            + "; use --runs N --data DIR --files GLOB --unprocessed FRACTION");
      }
    }
    if (!Files.isDirectory(data.resolve("online_retail"))) {
      data = Path.of("..").resolve(data);
    }
    data = data.toAbsolutePath().normalize();

    try (Dynalite dynamo = Dynalite.start(); DynamoDbClient real = dynamo.client()) {
      DynamoDbClient client = new PartialClient(real, unprocessed);
      InMemorySink<InvoiceLine> memory = InMemorySink.create();
      Pipeline.from(dev.lake.examples.ecommerce.invoices.InvoiceLineSource.of(
          dev.lake.source.files.CsvSource.of(dev.lake.examples.ecommerce.Sale.class)
              .from(data.toUri() + "online_retail/by-day/" + files))).to(memory).run();
      List<InvoiceLine> lines = memory.rows();
      System.out.printf("DynamoDB bulk load of %,d Online Retail lines (%s) into dynalite, %d cores, Java %s; "
          + "simulated UnprocessedItems: %.0f%% of each batch%n", lines.size(), files,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), unprocessed * 100);

      List<double[]> results = new ArrayList<>(); // {sink, put, batch} items/s
      long lost = 0;
      for (int run = 0; run <= runs; run++) { // run 0 warms up
        double sink = timed(real, "bench_sink_" + run, t -> loadWithSink(client, t, lines), lines.size());
        double put = timed(real, "bench_put_" + run, t -> putLoop(client, t, lines), lines.size());
        long[] lostHolder = new long[1];
        double batch = timed(real, "bench_batch_" + run, t -> lostHolder[0] = naiveBatchLoop(client, t, lines),
            lines.size());
        long missing = lines.size() - count(real, "bench_batch_" + run);
        if (run == 0) {
          System.out.printf("warm-up: sink %,.0f, put loop %,.0f, naive batch %,.0f items/s%n", sink, put, batch);
          continue;
        }
        lost += missing;
        results.add(new double[] {sink, put, batch});
        System.out.printf("run %d: sink %,8.0f items/s | PutItem loop %,8.0f items/s | naive BatchWriteItem %,8.0f "
            + "items/s, lost %,d items (%,d unprocessed ignored)%n", run, sink, put, batch, missing, lostHolder[0]);
      }
      double s = median(results, 0);
      double p = median(results, 1);
      double b = median(results, 2);
      System.out.printf("median: sink %,.0f items/s, PutItem loop %,.0f items/s (sink is %.1fx), naive "
          + "BatchWriteItem %,.0f items/s (sink is %.2fx) losing %,d items over %d runs; the sink lost none%n",
          s, p, s / p, b, s / b, lost, runs);
    }
  }

  interface Load {
    void run(String table) throws Exception;
  }

  private static double timed(DynamoDbClient real, String table, Load load, int items) throws Exception {
    InvoiceTable.named(table).create(real);
    long t0 = System.nanoTime();
    load.run(table);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!table.startsWith("bench_batch_")) {
      long n = count(real, table);
      if (n != items) {
        throw new IllegalStateException(table + " holds " + n + " items, expected " + items);
      }
    }
    return items / seconds;
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

  /** The loop many hand-written loaders have: batches of 25, the response not looked at. Returns items dropped. */
  private static long naiveBatchLoop(DynamoDbClient client, String table, List<InvoiceLine> lines) {
    long dropped = 0;
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(lines.get(i))).build()).build());
      if (batch.size() == 25 || i == lines.size() - 1) {
        BatchWriteItemResponse r = client.batchWriteItem(BatchWriteItemRequest.builder()
            .requestItems(Map.of(table, batch)).build());
        dropped += r.unprocessedItems().getOrDefault(table, List.of()).size();
        batch = new ArrayList<>();
      }
    }
    return dropped;
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
    m.put("invoice_date", AttributeValue.fromS(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(l.invoiceDate())));
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

  private static double median(List<double[]> rows, int col) {
    double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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
