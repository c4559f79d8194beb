package dev.lake.examples.streaming;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.examples.ecommerce.RetailRow;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.lambda.IngestEndpoint;
import dev.lake.sink.kinesis.KinesisSink;
import dev.lake.source.kinesis.KinesisSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The e-commerce use case as a stream: invoice lines posted as JSON to an ingest endpoint go to a Kinesis stream
 * (keyed by invoice); a consumer reads every shard into the raw zone (JSON Lines) and the processed zone (Parquet by
 * year and month), with checkpoints saved only after both commit.
 *
 * <pre>{@code
 * HttpServer http = RetailStream.ingest(kinesis, "sales").serveLocally(new InetSocketAddress(8080));
 * RetailStream.consumer(kinesis, "sales", lake).run();      // on a schedule, e.g. ScheduledRunner in a Lambda
 * }</pre>
 */
public final class RetailStream {
  /** The consumer's name: it keys its checkpoints. */
  public static final String PIPELINE = "retail-stream";

  private RetailStream() {}

  /** The ingest endpoint: one invoice line or an array of them per POST, validated as {@link Sale}s. */
  public static IngestEndpoint<Sale> ingest(KinesisClient kinesis, String stream) {
    return IngestEndpoint.of(Sale.class)
        .to(KinesisSink.<Sale>toStream(stream).withClient(kinesis).withPartitionKey("invoice_no"));
  }

  /** The consumer: every shard until caught up, into {@code raw/ecommerce/sales/} and {@code processed/sales/}. */
  public static Pipeline<RetailRow> consumer(KinesisClient kinesis, String stream, Lake lake) {
    return Pipeline.from(KinesisSource.fromStream(stream).withClient(kinesis).as(Sale.class))
        .named(PIPELINE)
        .map("partition-by-month", RetailRow::of)
        .to(lake.raw("ecommerce", "sales"))
        .to(lake.processed("sales").partitionBy("year", "month"))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }
}
