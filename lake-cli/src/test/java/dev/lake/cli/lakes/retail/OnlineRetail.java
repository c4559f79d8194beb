package dev.lake.cli.lakes.retail;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.source.files.CsvSource;
import java.net.URI;
import java.util.List;

/**
 * lake-cli's test copy of the example of the same name in {@code examples/pipelines}, writing to Lake's processed
 * zone only: the command line's tests build real lakes with it, without depending on the examples.
 *
 * The bulk path of the e-commerce use case: every Online Retail CSV file (gzip) into
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

  /** The pipeline over {@code <data>/online_retail/by-day/*.csv*} into {@code lake}. */
  public static Pipeline<RetailRow> pipeline(URI data, Lake lake) {
    return pipeline(data, lake, Long.MAX_VALUE);
  }

  /** The same pipeline, rolling files after {@code maxRowsPerFile} rows. */
  public static Pipeline<RetailRow> pipeline(URI data, Lake lake, long maxRowsPerFile) {
    return pipeline(CsvSource.of(Sale.class).from(data + "online_retail/by-day/*.csv*"), lake, maxRowsPerFile);
  }

  /**
   * The pipeline over exactly these files (the objects an S3 event created, say), appended to the same dataset:
   * a re-delivered event finds its files in the dataset's split ledger, so nothing is added twice.
   */
  public static Pipeline<RetailRow> pipeline(List<URI> files, Lake lake) {
    return pipeline(CsvSource.of(Sale.class).from(files.toArray(URI[]::new)), lake, Long.MAX_VALUE);
  }

  /**
   * The whole raw zone (every file landed under {@code raw/online_retail/}) into the dataset, replacing it: the
   * dataset then holds exactly the raw zone's rows, whichever path wrote them before.
   */
  public static Pipeline<RetailRow> fromRawZone(List<URI> rawFiles, Lake lake, long maxRowsPerFile) {
    return pipeline(CsvSource.of(Sale.class).from(rawFiles.toArray(URI[]::new)), lake, maxRowsPerFile,
        WriteMode.OVERWRITE);
  }

  private static Pipeline<RetailRow> pipeline(CsvSource<Sale> source, Lake lake, long maxRowsPerFile) {
    return pipeline(source, lake, maxRowsPerFile, WriteMode.APPEND);
  }

  private static Pipeline<RetailRow> pipeline(CsvSource<Sale> source, Lake lake, long maxRowsPerFile,
      WriteMode mode) {
    return Pipeline.from(source)
        .named("online-retail")
        .map("partition-by-month", RetailRow::of)
        .to(lake.processed(DATASET).partitionBy("year", "month").maxRowsPerFile(maxRowsPerFile).mode(mode))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }
}
