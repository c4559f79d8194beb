package dev.lake.sink.warehouse;

/**
 * How a {@link WarehouseLoad} changes the target table. Every mode runs in one transaction: a failed load leaves
 * the table as it was.
 *
 * <pre>{@code
 * WarehouseLoad.of(lake, "users").into(Dialect.DUCKDB, ds).table("users").mode(LoadMode.MERGE).mergeKeys("user_id");
 * }</pre>
 */
public enum LoadMode {
  /** Inserts the dataset's rows after the table's rows. */
  APPEND,
  /**
   * Replaces the table's rows with the dataset's ({@code DELETE} then load, in one transaction): concurrent readers
   * see the old rows until the commit, then the new ones, never an empty table.
   */
  REPLACE,
  /**
   * Upserts on the merge keys: rows are loaded into a staging table, then {@code MERGE} (PostgreSQL 15+, DuckDB) or
   * {@code DELETE … USING} + {@code INSERT} (Redshift) in the same transaction. Rows whose keys are null never match.
   * The dataset should hold one row per key: PostgreSQL's MERGE fails (and the load rolls back) when two rows
   * match the same target row.
   */
  MERGE
}
