package dev.lake.spark;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.source.files.CsvSource;
import java.net.URI;

/**
 * The tests' pipeline over every bundled Online Retail file ({@code <data>/online_retail/by-day/*.csv*}) into
 * {@code processed/online_retail/year=YYYY/month=M/}, bad lines to the rejected zone: 305 splits of real data for the
 * runner, built here rather than taken from the examples.
 *
 * <pre>{@code
 * PipelineResult r = RetailByMonth.pipeline(SharedSpark.DATA.toUri(), lake, 20_000).run();
 * }</pre>
 */
final class RetailByMonth {
  /** The dataset the pipeline writes. */
  static final String DATASET = "online_retail";

  private RetailByMonth() {}

  static Pipeline<RetailMonthRow> pipeline(URI data, Lake lake) {
    return pipeline(data, lake, Long.MAX_VALUE);
  }

  /** The pipeline, rolling files after {@code maxRowsPerFile} rows. */
  static Pipeline<RetailMonthRow> pipeline(URI data, Lake lake, long maxRowsPerFile) {
    return Pipeline.from(CsvSource.of(RetailLine.class).from(data + "online_retail/by-day/*.csv*"))
        .named("online-retail")
        .map("partition-by-month", RetailMonthRow::of)
        .to(lake.processed(DATASET).partitionBy("year", "month").maxRowsPerFile(maxRowsPerFile))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }
}
