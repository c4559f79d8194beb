package dev.lake.benchmarks.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.RetailRow;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.lambda.S3EventRunner;
import dev.lake.source.files.CsvSource;
import java.net.URI;

/**
 * An S3-triggered Lambda: the CSV objects an event created, as Online Retail sales, to Snappy Parquet partitioned by
 * year and month in the lake at {@code LAKE_ROOT} (e.g. {@code s3://bucket/lake}), bad lines to the rejected zone.
 * The S3 client comes from {@code S3ObjectStoreProvider} (region and credentials from the Lambda environment;
 * {@code LAKE_S3_ENDPOINT} for an S3-compatible store).
 *
 * <pre>{@code
 * // Lambda handler: dev.lake.benchmarks.lambda.CsvToParquetHandler::handleRequest
 * // environment:    LAKE_ROOT=s3://my-bucket/lake
 * String summary = new CsvToParquetHandler().handleRequest(s3Event, context);
 * }</pre>
 */
public final class CsvToParquetHandler implements RequestHandler<S3Event, String> {
  private static final S3EventRunner RUNNER = S3EventRunner.of((objects, budget) -> pipeline(
      objects.toArray(URI[]::new), Lake.at(System.getenv().getOrDefault("LAKE_ROOT", "s3://lake/lake"))));

  /** The pipeline over {@code objects} into {@code lake}'s {@code processed/online_retail}. */
  public static Pipeline<RetailRow> pipeline(URI[] objects, Lake lake) {
    return Pipeline.from(CsvSource.of(Sale.class).from(objects))
        .named("s3-csv-to-parquet")
        .map("partition-by-month", RetailRow::of)
        .to(lake.processed("online_retail").partitionBy("year", "month"))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  @Override
  public String handleRequest(S3Event event, Context context) {
    return RUNNER.handle(event, context).map(PipelineResult::summary).orElse("no object created");
  }
}
