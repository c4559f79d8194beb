package dev.lake.loader.warehouse;

/**
 * How a {@link WarehouseLoad} changes the target table. Every mode runs in one transaction that also records the
 * version and the files loaded: a failed or killed load leaves the table and its record as they were.
 *
 * <pre>{@code
 * // given: javax.sql.DataSource ds
 * WarehouseLoad.of(lake, "users").into(Dialect.DUCKDB, ds).table("users").mode(LoadMode.MERGE).mergeKeys("user_id");
 * }</pre>
 */
public enum LoadMode {
  /**
   * Adds the rows of the files committed since the last recorded load (every file on the first load; nothing when
   * the table holds the newest version). Partitions whose loaded files were replaced since (a compaction, an
   * overwrite) are deleted and loaded again, so the table holds each row of the dataset once. Refuses a table that
   * holds rows but no record of this dataset: load it once with {@code REPLACE} to adopt it.
   */
  APPEND,
  /**
   * Replaces the table's rows with the dataset's ({@code DELETE} then load, in one transaction): concurrent readers
   * see the old rows until the commit, then the new ones, never an empty table.
   */
  REPLACE,
  /**
   * Upserts on the merge keys the rows of the files not merged yet: they are loaded into a staging table, then {@code MERGE} (PostgreSQL 15+, DuckDB) or
   * {@code DELETE … USING} + {@code INSERT} (Redshift) in the same transaction. Rows whose keys are null never match.
   * The dataset should hold one row per key: PostgreSQL's MERGE fails (and the load rolls back) when two rows
   * match the same target row.
   */
  MERGE
}
