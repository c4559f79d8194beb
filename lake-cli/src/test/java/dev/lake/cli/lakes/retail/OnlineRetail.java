package dev.lake.cli.lakes.retail;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.source.files.CsvSource;
import java.net.URI;

/**
 * lake-cli's test copy of the example of the same name in {@code examples/pipelines}, writing to Lake's processed
 * zone only: the command line's tests build real lakes with it, without depending on the examples.
 *
 * <p>The bulk path of the e-commerce use case: every Online Retail CSV file (gzip) into
 * {@code processed/online_retail/year=YYYY/month=M/} as Snappy Parquet. Bad lines go to
 * {@code rejected/online_retail/} with their file and line; a re-run skips every file already committed.
 *
 * <pre>{@code
 * PipelineResult r = OnlineRetail.pipeline(URI.create("file:///data/"), Lake.at("./lake")).run();
 * }</pre>
 */
public final class OnlineRetail {
  /** The dataset the pipeline writes. */
  public static final String DATASET = "online_retail";

  private OnlineRetail() {}

  /** The pipeline over {@code <data>/online_retail/by-day/*.csv*} into {@code lake}, appended. */
  public static Pipeline<RetailRow> pipeline(URI data, Lake lake) {
    return Pipeline.from(CsvSource.of(Sale.class).from(data + "online_retail/by-day/*.csv*"))
        .named("online-retail")
        .map("partition-by-month", RetailRow::of)
        .to(lake.processed(DATASET).partitionBy("year", "month").mode(WriteMode.APPEND))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }
}
