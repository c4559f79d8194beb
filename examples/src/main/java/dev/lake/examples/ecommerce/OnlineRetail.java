package dev.lake.examples.ecommerce;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.source.files.CsvSource;
import java.net.URI;

/**
 * The bulk path of the e-commerce use case: every Online Retail CSV file (gzip) into
 * {@code processed/online_retail/year=YYYY/month=M/} as Snappy Parquet. Bad lines go to
 * {@code rejected/online_retail/} with their file and line; a re-run over the same files rewrites the same files.
 *
 * <pre>{@code
 * PipelineResult r = OnlineRetail.pipeline(URI.create("file:///data/"), Lake.at("./lake")).run();
 * }</pre>
 */
public final class OnlineRetail {
  /** The dataset the pipeline writes. */
  public static final String DATASET = "online_retail";

  private OnlineRetail() {}

  /** The pipeline over {@code <data>/online_retail/by-day/*.csv*} into {@code lake}. */
  public static Pipeline<RetailRow> pipeline(URI data, Lake lake) {
    return pipeline(data, lake, Long.MAX_VALUE);
  }

  /** The same pipeline, rolling files after {@code maxRowsPerFile} rows. */
  public static Pipeline<RetailRow> pipeline(URI data, Lake lake, long maxRowsPerFile) {
    return Pipeline.from(CsvSource.of(Sale.class).from(data + "online_retail/by-day/*.csv*"))
        .named("online-retail")
        .map("partition-by-month", RetailRow::of)
        .to(lake.processed(DATASET).partitionBy("year", "month").maxRowsPerFile(maxRowsPerFile))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }
}
