package dev.lake.cli;

import dev.lake.BadRowPolicy;
import dev.lake.Column;
import dev.lake.Decimal;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.source.files.CsvSource;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDateTime;

/**
 * The test lake with typed columns and many partitions: the Online Retail lines (four of their columns: a decimal
 * and a local timestamp among them) into {@code processed/online_retail}, partitioned by the year and month of the
 * invoice, appended, bad lines to the rejected zone. At most 10,000 rows a file, so that every month (25,000 rows
 * or more) has several files whichever worker reads which day: the compaction tests rewrite all 13 months. Public,
 * for {@code lake iam}'s tests to name.
 *
 * <pre>{@code
 * lake iam dev.lake.cli.RetailLake#pipeline --arg s3://shop-data/ --arg s3://shop-lake/lake
 * }</pre>
 */
public final class RetailLake {
  /** The dataset the pipeline writes. */
  public static final String DATASET = "online_retail";

  private RetailLake() {}

  /** A line as the CSV files hold it; {@code year} and {@code month} are not columns: {@link #byMonth} sets them. */
  record Line(@Column("invoice_no") String invoiceNo, int quantity, @Column("invoice_date") LocalDateTime invoiceDate,
      @Column("unit_price") @Decimal(precision = 10, scale = 3) BigDecimal unitPrice, Integer year, Integer month) {
    Line byMonth() {
      return new Line(invoiceNo, quantity, invoiceDate, unitPrice, invoiceDate.getYear(),
          invoiceDate.getMonthValue());
    }
  }

  /** The pipeline over {@code <data>/online_retail/by-day/*.csv*} into {@code lake}. */
  public static Pipeline<Line> pipeline(URI data, Lake lake) {
    return Pipeline.from(CsvSource.of(Line.class).from(data + "online_retail/by-day/*.csv*"))
        .named("online-retail")
        .map("by-month", Line::byMonth)
        .to(lake.processed(DATASET).partitionBy("year", "month").mode(WriteMode.APPEND).maxRowsPerFile(10_000))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }
}
