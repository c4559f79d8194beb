package dev.lake.examples.ecommerce;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.CommonOptions;
import dev.lake.examples.IcebergDestination;
import dev.lake.examples.IcebergLines;
import dev.lake.examples.UsageException;
import dev.lake.examples.ecommerce.invoices.InvoiceTable;
import dev.lake.examples.RunLines;
import dev.lake.examples.Warehouse;
import dev.lake.examples.ecommerce.invoices.InvoiceServing;
import dev.lake.loader.warehouse.LoadReport;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lake-examples ecommerce}: the Online Retail bulk import into the lake, the warehouse load, and the BI
 * answers ({@link RetailAnswers}) from the warehouse.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar ecommerce --lake ./lake
 * }</pre>
 */
@Command(name = "ecommerce", mixinStandardHelpOptions = true,
    description = "Online Retail CSV files -> processed/online_retail (Parquet, partitioned by year and month) -> "
        + "the warehouse, then the BI answers.")
public final class EcommerceCommand implements Callable<Integer> {
  /** The folder of {@code --data} this command reads. */
  static final String INPUT = "online_retail/by-day/";

  @Mixin
  CommonOptions options;

  @Option(names = "--max-rows-per-file", description = "Roll Parquet files after this many rows (default: roll by "
      + "size only, at about 128 MB).")
  Long maxRowsPerFile;

  @Option(names = "--serve", description = "Load the invoices into DynamoDB and serve the invoice API "
      + "(GET /invoices/{invoiceNo}, GET /customers/{customerId}/invoices) until stopped.")
  boolean serve;

  @Option(names = "--from-raw", description = "Land the input files unchanged in <lake>/raw/online_retail/ first "
      + "(as an upload that triggers the Lambda would), then import every file of that raw zone, replacing the "
      + "dataset.")
  boolean fromRaw;

  @Option(names = "--port", defaultValue = "8080", description = "Port of the invoice API with --serve, on "
      + "127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--dynamodb-endpoint", description = "DynamoDB endpoint for --serve (default: start a local "
      + "dynalite, which needs Node.js).")
  URI dynamoDbEndpoint;

  @Option(names = "--invoice-files", defaultValue = "*.csv.gz", description = "Which daily files --serve loads "
      + "(default: all, about 2 minutes into dynalite; '2010-12-0*.csv.gz' loads a week), and --format iceberg "
      + "upserts into retail.invoices.")
  String invoiceFiles;

  @Override
  public Integer call() throws Exception {
    if (serve) {
      URI data = options.data(INPUT);
      Ports.checkFree(port);
      try {
        InvoiceServing.run(data, invoiceFiles, dynamoDbEndpoint, port);
      } catch (java.net.BindException e) {
        throw Ports.busy(port, e); // taken while the invoices loaded
      }
      return 0;
    }
    URI data = options.data(INPUT); // every option checked before anything is written
    if (options.iceberg()) {
      return toIceberg(data);
    }
    Lake lake = options.lake();
    Warehouse warehouse = options.warehouse();
    long maxRows = maxRowsPerFile == null ? Long.MAX_VALUE : maxRowsPerFile;
    PipelineResult result;
    if (fromRaw) {
      RawZone.Landing landing = RawZone.land(data, lake);
      System.out.println(landing.summary(lake.uri(RawZone.PREFIX)));
      result = OnlineRetail.fromRawZone(RawZone.files(lake), lake, maxRows).run();
    } else {
      result = OnlineRetail.pipeline(data, lake, maxRows).run();
    }
    System.out.println(RunLines.summary(result));
    System.out.printf("Parquet files under %s%n", lake.uri("processed/" + OnlineRetail.DATASET + "/"));
    if (result.rowsRejected() > 0) {
      System.out.printf("Rejected rows under %s%n", lake.uri(result.rejectedDataset() + "/"));
    }
    LoadReport loaded = warehouse.load(lake, OnlineRetail.DATASET);
    System.out.printf("Warehouse %s: %s%n%n", warehouse.describe(), loaded.summary());
    System.out.print(new RetailAnswers(warehouse).report());
    return result.reconciles() ? 0 : 1;
  }

  /**
   * {@code --format iceberg}: the lines into the Iceberg table {@code retail.online_retail} (appended, by
   * {@code month(invoice_date)}) and the invoice lines of {@code --invoice-files} into {@code retail.invoices}
   * (upserted by invoice and line).
   */
  private int toIceberg(URI data) {
    if (fromRaw || maxRowsPerFile != null) {
      throw new UsageException((fromRaw ? "--from-raw" : "--max-rows-per-file") + " applies to the Hive-style "
          + "dataset: leave it out with --format iceberg (Iceberg files roll by size)");
    }
    IcebergDestination to = (IcebergDestination) options.destination();
    boolean ok = true;
    for (var run : java.util.List.of(java.util.Map.entry(OnlineRetail.DATASET, OnlineRetail.pipeline(data, to)),
        java.util.Map.entry(InvoiceTable.DATASET, InvoiceTable.lines(data, invoiceFiles, to)))) {
      PipelineResult result = run.getValue().run();
      ok &= result.reconciles();
      System.out.println(RunLines.summary(result));
      System.out.println(IcebergLines.table(to, run.getKey()));
      if (result.rowsRejected() > 0) {
        System.out.printf("Rejected rows under %s%n", to.lake().uri(result.rejectedDataset() + "/"));
      }
    }
    System.out.println(IcebergLines.where(to));
    System.out.println("The warehouse load and the BI answers read the Hive-style dataset: run without "
        + "--format iceberg for them.");
    return ok ? 0 : 1;
  }
}
