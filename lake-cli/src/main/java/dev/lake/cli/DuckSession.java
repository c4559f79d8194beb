package dev.lake.cli;

import dev.lake.DatasetVersion;
import dev.lake.io.DataFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.avro.Schema;

/**
 * An in-memory DuckDB with one view per committed dataset, named after it ({@code songplays},
 * {@code rejected_songplays}, {@code raw_api_fixtures}), over exactly the files of the dataset's newest manifest, so
 * queries see committed rows only. Files of a non-local root (s3://) are downloaded to a temporary directory first.
 *
 * <p>Results are streamed from DuckDB ({@code jdbc_stream_results}): {@link #stream} hands the rows over one at a
 * time as DuckDB produces them, so neither the JVM nor DuckDB holds a whole result.
 *
 * <pre>{@code
 * try (DuckSession duck = DuckSession.open(lake, err)) {
 *   DuckSession.Result r = duck.query("SELECT level, count(*) FROM songplays GROUP BY ALL");
 *   long rows = duck.stream("SELECT * FROM songplays", ResultFormats.csv(writer));
 * }
 * }</pre>
 */
final class DuckSession implements AutoCloseable {
  /** A query's column names and rows (JDBC objects). */
  record Result(List<String> columns, List<List<Object>> rows) {}

  /** Takes a query's column names, then its rows one at a time, then the end with the number of rows. */
  interface RowHandler {
    void columns(List<String> columns) throws IOException;

    void row(List<Object> row) throws IOException;

    default void end(long rows) throws IOException {}
  }

  private final Connection connection;
  private final Map<String, String> views = new LinkedHashMap<>();
  /** The statements that set the session up, to replay in {@link #messageOfFailedStart}. */
  private final List<String> setup = new ArrayList<>();
  private final Path downloads;
  private IcebergViews iceberg;

  private DuckSession(Connection connection, Path downloads) {
    this.connection = connection;
    this.downloads = downloads;
  }

  static DuckSession open(OpenedLake lake, PrintWriter err) {
    return open(lake, err, null, Map.of());
  }

  /**
   * A session over the lake's datasets (none when {@code lake} is null) and, when {@code catalog} is given, the
   * Iceberg tables listed with the snapshot to read (null: the newest), as views {@code namespace.table}.
   */
  static DuckSession open(OpenedLake lake, PrintWriter err, dev.lake.sink.iceberg.IcebergCatalog catalog,
      Map<org.apache.iceberg.catalog.TableIdentifier, Long> tables) {
    Path downloads = null;
    try {
      java.util.Properties properties = new java.util.Properties();
      // rows are fetched chunk by chunk as they are read, not materialized whole first
      properties.setProperty("jdbc_stream_results", "true");
      Connection c = DriverManager.getConnection("jdbc:duckdb:", properties);
      boolean local = lake == null || "file".equals(lake.root().getScheme());
      if (!local) {
        downloads = Files.createTempDirectory("lake-query-");
      }
      DuckSession session = new DuckSession(c, downloads);
      // Offline and predictable: Parquet and JSON are built in; nothing is fetched from the network.
      session.execute("SET autoinstall_known_extensions=false");
      session.execute("SET autoload_known_extensions=false");
      for (OpenedLake.Dataset d : lake == null ? List.<OpenedLake.Dataset>of() : lake.datasets()) {
        session.createView(lake, d, err);
      }
      if (catalog != null) {
        session.iceberg = new IcebergViews(session::execute, err);
        session.views.putAll(session.iceberg.create(catalog, tables));
      }
      return session;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start DuckDB: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The views, by name, with the dataset path each reads. */
  Map<String, String> views() {
    return views;
  }

  private void createView(OpenedLake lake, OpenedLake.Dataset d, PrintWriter err) throws SQLException, IOException {
    DatasetVersion m = lake.latest(d);
    Schema schema = m.schema().orElse(null);
    String body;
    if (m.files().isEmpty()) {
      if (schema == null) {
        return;
      }
      StringJoiner cols = new StringJoiner(", ");
      schema.getFields().forEach(f -> cols.add("CAST(NULL AS " + sqlType(f.schema()) + ") AS " + quote(f.name())));
      body = "SELECT " + cols + " WHERE false";
    } else {
      List<String> paths = files(lake, d, m, err);
      StringJoiner list = new StringJoiner(", ", "[", "]");
      paths.forEach(p -> list.add("'" + p.replace("'", "''") + "'"));
      String hiveTypes = hiveTypes(m, schema);
      switch (m.format()) {
        case PARQUET -> body = "SELECT * FROM read_parquet(" + list + ", hive_partitioning = true" + hiveTypes + ")";
        case JSON_LINES -> body = "SELECT * FROM read_json(" + list
            + ", format = 'newline_delimited', hive_partitioning = true" + hiveTypes + ")";
        case CSV -> body = "SELECT * FROM read_csv(" + list + ", header = true, hive_partitioning = true"
            + hiveTypes + ")";
        default -> {
          err.println("lake query: skipping " + d.path() + ": DuckDB cannot read " + m.format() + " offline");
          return;
        }
      }
    }
    execute("CREATE VIEW " + quote(d.viewName()) + " AS " + body);
    views.put(d.viewName(), d.path());
  }

  private void execute(String statement) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(statement);
    }
    setup.add(statement);
  }

  /** Local paths of the manifest's files; for a remote root, downloaded (with progress on a terminal). */
  private List<String> files(OpenedLake lake, OpenedLake.Dataset d, DatasetVersion m, PrintWriter err) throws IOException {
    List<String> paths = new ArrayList<>();
    if (downloads == null) {
      for (DataFile f : m.files()) {
        paths.add(Path.of(lake.fileUri(d, f.path())).toString());
      }
      return paths;
    }
    try (Terminal.Progress progress = Terminal.progress(err, "downloading " + d.path(), m.files().size())) {
      for (DataFile f : m.files()) {
        Path target = downloads.resolve(d.path()).resolve(f.path()).normalize();
        if (!target.startsWith(downloads)) {
          throw new IOException("Refusing a file path outside the dataset: " + f.path());
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = lake.store().open(lake.fileUri(d, f.path()))) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        paths.add(target.toString());
        progress.step();
      }
    }
    return paths;
  }

  /** Partition columns typed as the schema says (year INTEGER), not as DuckDB would guess. */
  private static String hiveTypes(DatasetVersion m, Schema schema) {
    if (m.partitionBy().isEmpty() || schema == null) {
      return "";
    }
    StringJoiner types = new StringJoiner(", ", ", hive_types = {", "}");
    for (String column : m.partitionBy()) {
      Schema.Field f = schema.getField(column);
      if (f != null) {
        types.add("'" + column.replace("'", "''") + "': '" + sqlType(f.schema()) + "'");
      }
    }
    return types.length() == ", hive_types = {}".length() ? "" : types.toString();
  }

  static String sqlType(Schema schema) {
    String type = SchemaText.type(schema);
    if (type.startsWith("decimal(")) {
      return type.toUpperCase(java.util.Locale.ROOT);
    }
    return switch (type) {
      case "int" -> "INTEGER";
      case "long" -> "BIGINT";
      case "float" -> "FLOAT";
      case "double" -> "DOUBLE";
      case "boolean" -> "BOOLEAN";
      case "date" -> "DATE";
      case "timestamp-millis", "timestamp-micros" -> "TIMESTAMPTZ";
      case "local-timestamp-millis", "local-timestamp-micros" -> "TIMESTAMP";
      case "bytes" -> "BLOB";
      default -> "VARCHAR";
    };
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Runs a query and collects its rows (for results known to be small); invalid SQL fails as {@link #stream}. */
  Result query(String sql) {
    List<String> columns = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    try {
      stream(sql, new RowHandler() {
        @Override
        public void columns(List<String> names) {
          columns.addAll(names);
        }

        @Override
        public void row(List<Object> row) {
          rows.add(row);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(columns, rows);
  }

  /**
   * Runs a query and hands its rows to {@code handler} as DuckDB streams them; returns the number of rows. Invalid
   * SQL fails before any row with DuckDB's message, which shows the position; an error while the rows are produced
   * says after how many.
   */
  long stream(String sql, RowHandler handler) throws IOException {
    long n = 0;
    try (Statement s = connection.createStatement(); ResultSet rs = execute(s, sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      handler.columns(columns);
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns.size());
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rs.getObject(i));
        }
        handler.row(row);
        n++;
      }
    } catch (SQLException e) {
      throw new CliException(String.format("Query failed after %,d row%s: %s", n, n == 1 ? "" : "s",
          e.getMessage().strip()), e);
    }
    handler.end(n);
    return n;
  }

  private ResultSet execute(Statement s, String sql) {
    try {
      return s.executeQuery(sql);
    } catch (SQLException e) {
      throw new CliException("Invalid query: " + messageOfFailedStart(sql, e).strip() + "\nViews: "
          + String.join(", ", views.keySet()), e);
    }
  }

  /**
   * DuckDB's message for a query that failed before its first rows. A streamed result (duckdb_jdbc 2.0) then reports
   * only "Invalid result set"; the query started again unstreamed, in a fresh DuckDB set up the same way, stops at
   * the same error and names it (the rows before it are produced again, once, on this failure path only).
   */
  private String messageOfFailedStart(String sql, SQLException streamed) {
    if (!String.valueOf(streamed.getMessage()).contains("Invalid result set")) {
      return String.valueOf(streamed.getMessage());
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (String statement : setup) {
        s.execute(statement);
      }
      s.executeQuery(sql).close();
      return streamed.getMessage();
    } catch (SQLException e) {
      return String.valueOf(e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // in memory: nothing to lose
    }
    if (downloads != null) {
      TempFiles.delete(downloads);
    }
    if (iceberg != null) {
      iceberg.close();
    }
  }
}
