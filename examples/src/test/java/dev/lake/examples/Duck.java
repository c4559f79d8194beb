package dev.lake.examples;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB, in memory, as an independent reader of the lake's Parquet files (shared by the examples' tests). */
public final class Duck implements AutoCloseable {
  private final Connection connection;

  public Duck() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
      s.execute("SET autoload_known_extensions=false");
    }
  }

  /** {@code read_parquet(...)} over every Parquet file under a directory, with Hive partitions as columns. */
  public static String parquet(Path dir) {
    return "read_parquet('" + dir.toString().replace("'", "''") + "/**/*.parquet', hive_partitioning = true)";
  }

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

  public Object one(String sql) throws SQLException {
    return query(sql).get(0).get(0);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
