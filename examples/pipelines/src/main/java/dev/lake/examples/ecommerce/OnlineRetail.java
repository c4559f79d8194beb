package dev.lake.examples.ecommerce;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.examples.Destination;
import dev.lake.examples.IcebergDestination;
import dev.lake.source.files.CsvSource;
import java.net.URI;
import java.util.List;

/**
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
   * The same pipeline into {@code to}: Lake's processed zone, or an Iceberg table ({@link IcebergDestination}:
   * {@code retail.online_retail}, partitioned by {@code month(invoice_date)}). Bad lines go to the rejected zone of
   * {@code to.lake()}.
   */
  public static Pipeline<RetailRow> pipeline(URI data, Destination to) {
    return pipeline(CsvSource.of(Sale.class).from(data + "online_retail/by-day/*.csv*"), to);
  }

  /**
   * The pipeline over exactly these files (the objects an S3 event created) into {@code to}, appended: a
   * re-delivered event finds its files in the split ledger (for an Iceberg table, in its snapshots' summaries).
   */
  public static Pipeline<RetailRow> pipeline(List<URI> files, Destination to) {
    return pipeline(CsvSource.of(Sale.class).from(files.toArray(URI[]::new)), to);
  }

  private static Pipeline<RetailRow> pipeline(CsvSource<Sale> source, Destination to) {
    return Pipeline.from(source)
        .named("online-retail")
        .map("partition-by-month", RetailRow::of)
        .to(to.<RetailRow>sink(DATASET, WriteMode.APPEND, "year", "month"))
        .withLake(to.lake())
        .onBadRows(BadRowPolicy.toRejectedZone());
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
