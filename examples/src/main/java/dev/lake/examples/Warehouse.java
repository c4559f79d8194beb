package dev.lake.examples;

import dev.lake.Lake;
import dev.lake.loader.warehouse.Dialect;
import dev.lake.loader.warehouse.JdbcDataSource;
import dev.lake.loader.warehouse.LoadMode;
import dev.lake.loader.warehouse.LoadReport;
import dev.lake.loader.warehouse.WarehouseLoad;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The SQL warehouse the examples load their datasets into and ask their questions of, from a JDBC URL:
 * {@code jdbc:duckdb:<file>} (the default, embedded) or {@code jdbc:postgresql://host/db?user=…&password=…}.
 * Each load replaces the table with the dataset's newest commit.
 *
 * <pre>{@code
 * Warehouse w = Warehouse.of("jdbc:duckdb:./lake/warehouse.duckdb");
 * w.load(lake, "online_retail");
 * List<List<Object>> rows = w.query("SELECT country, count(*) FROM online_retail GROUP BY country");
 * }</pre>
 */
public final class Warehouse {
  private final String url;
  private final Dialect dialect;

  private Warehouse(String url, Dialect dialect) {
    this.url = url;
    this.dialect = dialect;
  }

  /** The warehouse at a JDBC URL; fails naming the URL when its kind is not supported. */
  public static Warehouse of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:duckdb:")) {
      return new Warehouse(jdbcUrl, Dialect.DUCKDB);
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return new Warehouse(jdbcUrl, Dialect.POSTGRES);
    }
    throw new IllegalArgumentException("--warehouse " + redact(jdbcUrl) + ": not a supported JDBC URL; use "
        + "jdbc:duckdb:<file> or jdbc:postgresql://host:port/db?user=…&password=… (for Redshift, load with "
        + "WarehouseLoad.into(RedshiftDataApi): see the Warehouse section of the README)");
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The URL without its query string (which may hold a password). */
  public String describe() {
    return redact(url);
  }

  /** Replaces table {@code dataset} with the dataset's newest commit. */
  public LoadReport load(Lake lake, String dataset) {
    return loadOf(lake, dataset).run();
  }

  /**
   * The load {@link #load} runs, not yet run: e.g. for its {@link WarehouseLoad#permissions IAM permissions}, which
   * over JDBC to DuckDB or PostgreSQL are only the lake's (the database connection needs no AWS permission).
   */
  public WarehouseLoad loadOf(Lake lake, String dataset) {
    return WarehouseLoad.of(lake, dataset).into(dialect, dataSource()).table(dataset).mode(LoadMode.REPLACE);
  }

  /** Runs one query and returns its rows (JDBC objects, in column order). */
  public List<List<Object>> query(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed on " + describe() + ": " + e.getMessage() + "\n" + sql, e);
    }
  }

  private Connection connect() throws SQLException {
    return dataSource().getConnection();
  }

  private static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?…";
  }

  /** A DataSource over {@link java.sql.DriverManager}, as {@link WarehouseLoad} takes one. */
  public DataSource dataSource() {
    return dialect == Dialect.DUCKDB
        ? JdbcDataSource.of(url, "SET autoinstall_known_extensions=false") // offline: never download an extension
        : JdbcDataSource.of(url);
  }
}
