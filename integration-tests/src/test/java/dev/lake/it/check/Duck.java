package dev.lake.it.check;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory DuckDB, the independent reader: per-day statistics of any relation with the Online Retail columns,
 * Parquet files read by glob or by list with Hive partitioning. Nothing is downloaded ({@code
 * autoinstall_known_extensions=false}).
 *
 * <pre>{@code
 * try (Duck duck = new Duck()) {
 *   SortedMap<LocalDate, DayStats> days = duck.dayStats(Duck.parquet(List.of(file)));
 * }
 * }</pre>
 */
public final class Duck implements AutoCloseable {
  /** One invoice line as text, the same for the CSV and every Parquet view. */
  private static final String LINE = "concat_ws('|', invoice_no, stock_code, coalesce(description, ''), "
      + "quantity::VARCHAR, strftime(invoice_date::TIMESTAMP, '%Y-%m-%dT%H:%M:%S'), unit_price::VARCHAR, "
      + "coalesce(customer_id::VARCHAR, ''), coalesce(country, ''))";

  private final Connection connection;

  /** Opens an in-memory database. */
  public Duck() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    execute("SET autoinstall_known_extensions=false");
    execute("SET threads=2");
  }

  /** The connection, for appenders. */
  public Connection connection() {
    return connection;
  }

  /** Runs a statement. */
  public void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** The rows of a query, each as a list of column values. */
  public List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Per day of {@code invoice_date}: rows, quantity, revenue and the hash of the sorted rows of {@code relation}. */
  public SortedMap<java.time.LocalDate, DayStats> dayStats(String relation) throws SQLException {
    SortedMap<java.time.LocalDate, DayStats> days = new TreeMap<>();
    String sql = "SELECT invoice_date::DATE AS day, count(*), sum(quantity)::BIGINT, sum(quantity * unit_price), "
        + "md5(string_agg(line, chr(10) ORDER BY line)) FROM (SELECT *, " + LINE + " AS line FROM " + relation
        + ") GROUP BY day";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        days.put(rs.getObject(1, java.time.LocalDate.class),
            new DayStats(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getString(5)));
      }
    }
    return days;
  }

  /** Rows whose {@code year} and {@code month} columns are not those of their invoice date. */
  public long misfiled(String relation) throws SQLException {
    return ((Number) query("SELECT count(*) FROM " + relation + " WHERE year <> year(invoice_date) "
        + "OR month <> month(invoice_date)").get(0).get(0)).longValue();
  }

  /** Rows per file of a relation read with {@code filename=true}, by file name. */
  public Map<String, Long> rowsPerFile(String relation) throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (List<Object> r : query("SELECT filename, count(*) FROM " + relation + " GROUP BY ALL ORDER BY 1")) {
      rows.put((String) r.get(0), ((Number) r.get(1)).longValue());
    }
    return rows;
  }

  /** The files a glob pattern matches, as DuckDB's own glob sees them. */
  public List<String> glob(String pattern) throws SQLException {
    List<String> files = new ArrayList<>();
    for (List<Object> r : query("SELECT file FROM glob(" + quote(pattern) + ") ORDER BY 1")) {
      files.add((String) r.get(0));
    }
    return files;
  }

  /** {@code read_parquet} over exactly these files, Hive partitioning on, with a {@code filename} column. */
  public static String parquet(Collection<Path> files) {
    StringBuilder list = new StringBuilder();
    for (Path f : files) {
      list.append(list.isEmpty() ? "" : ", ").append(quote(f.toString()));
    }
    return "read_parquet([" + list + "], hive_partitioning=true, filename=true)";
  }

  /** A SQL string literal. */
  public static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
