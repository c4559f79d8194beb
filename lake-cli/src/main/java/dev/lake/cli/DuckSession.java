package dev.lake.cli;

import dev.lake.internal.lake.Manifest;
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
 * <pre>{@code
 * try (DuckSession duck = DuckSession.open(lake, err)) {
 *   DuckSession.Result r = duck.query("SELECT level, count(*) FROM songplays GROUP BY ALL");
 * }
 * }</pre>
 */
final class DuckSession implements AutoCloseable {
  /** A query's column names and rows (JDBC objects). */
  record Result(List<String> columns, List<List<Object>> rows) {}

  private final Connection connection;
  private final Map<String, String> views = new LinkedHashMap<>();
  private final Path downloads;
  private IcebergViews iceberg;

  private DuckSession(Connection connection, Path downloads) {
    this.connection = connection;
    this.downloads = downloads;
  }

  static DuckSession open(LakeRoot lake, PrintWriter err) {
    return open(lake, err, null, Map.of());
  }

  /**
   * A session over the lake's datasets (none when {@code lake} is null) and, when {@code catalog} is given, the
   * Iceberg tables listed with the snapshot to read (null: the newest), as views {@code namespace.table}.
   */
  static DuckSession open(LakeRoot lake, PrintWriter err, dev.lake.sink.iceberg.IcebergCatalog catalog,
      Map<org.apache.iceberg.catalog.TableIdentifier, Long> tables) {
    Path downloads = null;
    try {
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = c.createStatement()) {
        // Offline and predictable: Parquet and JSON are built in; nothing is fetched from the network.
        s.execute("SET autoinstall_known_extensions=false");
        s.execute("SET autoload_known_extensions=false");
      }
      boolean local = lake == null || "file".equals(lake.root().getScheme());
      if (!local) {
        downloads = Files.createTempDirectory("lake-query-");
      }
      DuckSession session = new DuckSession(c, downloads);
      for (LakeRoot.Dataset d : lake == null ? List.<LakeRoot.Dataset>of() : lake.datasets()) {
        session.createView(lake, d, err);
      }
      if (catalog != null) {
        session.iceberg = new IcebergViews(c, err);
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

  private void createView(LakeRoot lake, LakeRoot.Dataset d, PrintWriter err) throws SQLException, IOException {
    Manifest m = lake.latest(d);
    Schema schema = m.schema() == null ? null : new Schema.Parser().parse(m.schema());
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
        case "PARQUET" -> body = "SELECT * FROM read_parquet(" + list + ", hive_partitioning = true" + hiveTypes + ")";
        case "JSON_LINES" -> body = "SELECT * FROM read_json(" + list
            + ", format = 'newline_delimited', hive_partitioning = true" + hiveTypes + ")";
        case "CSV" -> body = "SELECT * FROM read_csv(" + list + ", header = true, hive_partitioning = true"
            + hiveTypes + ")";
        default -> {
          err.println("lake query: skipping " + d.path() + ": DuckDB cannot read " + m.format() + " offline");
          return;
        }
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE VIEW " + quote(d.viewName()) + " AS " + body);
    }
    views.put(d.viewName(), d.path());
  }

  /** Local paths of the manifest's files; for a remote root, downloaded (with progress on a terminal). */
  private List<String> files(LakeRoot lake, LakeRoot.Dataset d, Manifest m, PrintWriter err) throws IOException {
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
  private static String hiveTypes(Manifest m, Schema schema) {
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

  /** Runs a query; invalid SQL fails with DuckDB's message, which shows the position. */
  Result query(String sql) {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns.size());
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return new Result(columns, rows);
    } catch (SQLException e) {
      throw new CliException("Invalid query: " + e.getMessage().strip() + "\nViews: " + String.join(", ",
          views.keySet()), e);
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
