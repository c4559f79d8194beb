/**
 * Loads committed lake datasets into a SQL warehouse: Amazon Redshift ({@code COPY … FORMAT AS PARQUET MANIFEST}
 * over JDBC or the Redshift Data API), PostgreSQL ({@code COPY … FROM STDIN}) and DuckDB ({@code read_parquet}).
 *
 * <pre>{@code
 * LoadReport r = WarehouseLoad.of(lake, "online_retail")
 *     .into(Dialect.POSTGRES, dataSource)
 *     .table("public", "online_retail")
 *     .mode(LoadMode.MERGE).mergeKeys("invoice_no", "stock_code")
 *     .run();
 * }</pre>
 *
 * <p>The public types are {@link dev.lake.loader.warehouse.WarehouseLoad} (the entry point),
 * {@link dev.lake.loader.warehouse.Dialect}, {@link dev.lake.loader.warehouse.LoadMode},
 * {@link dev.lake.loader.warehouse.LoadReport}, {@link dev.lake.loader.warehouse.RedshiftDataApi} (the Data API
 * executor) and {@link dev.lake.loader.warehouse.ExternalTables} (Spectrum / Athena DDL). Everything else is
 * package-private.
 */
package dev.lake.loader.warehouse;
