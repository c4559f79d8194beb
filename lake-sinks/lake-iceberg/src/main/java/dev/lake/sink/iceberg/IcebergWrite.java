package dev.lake.sink.iceberg;

/**
 * How a run's rows change an Iceberg table, each in one snapshot.
 *
 * <pre>{@code
 * // given: IcebergCatalog catalog
 * IcebergSink<Invoice> sink = catalog.<Invoice>table("shop.invoices").upsertBy("invoice_no");
 * assert sink.write() == IcebergWrite.UPSERT;
 * }</pre>
 */
public enum IcebergWrite {
  /** Adds the rows (Iceberg {@code append}). Input the table holds already is skipped. */
  APPEND,
  /** Replaces the whole table with the rows (Iceberg {@code overwrite}). */
  OVERWRITE,
  /** Replaces the partitions the rows fall into, leaving the others (Iceberg {@code replace partitions}). */
  OVERWRITE_PARTITIONS,
  /**
   * Replaces the rows with the same key and adds the others (equality deletes, merge-on-read: Iceberg
   * {@code row delta}). Input the table holds already is skipped.
   */
  UPSERT
}
