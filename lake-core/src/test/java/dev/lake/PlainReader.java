package dev.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a plain reader of a dataset's prefix sees (Athena, Spectrum, a Spark or DuckDB glob): DuckDB over
 * {@code <dataset>/**}{@code /*.parquet} with Hive partitioning, independent of Lake's manifests and readers.
 *
 * <pre>{@code
 * Map<String, Long> perDay = PlainReader.countBy(dir.resolve("processed/lines"), "day");
 * }</pre>
 */
final class PlainReader {
  private PlainReader() {}

  /** Row counts per value of {@code column} over every Parquet file a glob of the directory matches. */
  static Map<String, Long> countBy(Path dataset, String column) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    if (!hasParquet(dataset)) {
      return counts;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
      try (ResultSet rs = s.executeQuery("SELECT CAST(" + column + " AS VARCHAR), count(*) FROM read_parquet('"
          + dataset + "/**/*.parquet', hive_partitioning = true) GROUP BY 1")) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  private static boolean hasParquet(Path dataset) throws SQLException {
    if (!Files.isDirectory(dataset)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dataset)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }
}
