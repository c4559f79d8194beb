package dev.lake.cli;

import dev.lake.Rows;
import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.ObjectStores;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.sink.iceberg.IcebergRead;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg tables of a warehouse as DuckDB views, {@code <namespace>.<table>} (a DuckDB schema per namespace),
 * each over one snapshot: the newest, or the one {@code --snapshot} names. A snapshot without delete files is a view
 * over exactly its data files, read with DuckDB's {@code read_parquet(..., schema = MAP {field id: {name, type}})}
 * so that columns are matched by Iceberg field id (a renamed column, a widened type, a column added later read as
 * Iceberg reads them). A snapshot with delete files (an upsert) is streamed through {@link IcebergRead}, deletes
 * applied, into a temporary Parquet file written with the same field ids, and the view reads that file. Files of a
 * remote warehouse (s3://) are downloaded first; DuckDB's iceberg and httpfs extensions are never needed.
 *
 * <pre>{@code
 * try (IcebergViews views = new IcebergViews(session::execute, err)) {
 *   views.create(catalog, iceberg.tables(catalog));
 * }
 * }</pre>
 */
final class IcebergViews implements AutoCloseable {
  /** Runs one statement in the session (which keeps it, to set up a second session the same way). */
  interface Statements {
    void execute(String sql) throws SQLException;
  }

  private final Statements session;
  private final PrintWriter err;
  private Path temp;

  IcebergViews(Statements session, PrintWriter err) {
    this.session = session;
    this.err = err;
  }

  /** The table's name without the catalog's: {@code shop.lines}. */
  static String name(Table table) {
    String n = table.name();
    return n.chars().filter(c -> c == '.').count() >= 2 ? n.substring(n.indexOf('.') + 1) : n;
  }

  /** Creates one view per table and returns view name to what it reads ({@code iceberg shop.lines@<snapshot>}). */
  Map<String, String> create(IcebergCatalog catalog, Map<TableIdentifier, Long> tables) throws SQLException,
      IOException {
    Map<String, String> views = new java.util.LinkedHashMap<>();
    for (Map.Entry<TableIdentifier, Long> e : tables.entrySet()) {
      TableIdentifier id = e.getKey();
      IcebergRead read = IcebergRead.of(catalog.catalog().loadTable(id));
      IcebergRead.Plan plan = (e.getValue() == null ? read : read.snapshot(e.getValue())).plan();
      String schema = String.join("_", id.namespace().levels()).toLowerCase(Locale.ROOT);
      String view = DuckSession.quote(schema) + "." + DuckSession.quote(id.name().toLowerCase(Locale.ROOT));
      session.execute("CREATE SCHEMA IF NOT EXISTS " + DuckSession.quote(schema));
      session.execute("CREATE VIEW " + view + " AS " + body(id, plan)); // a clash with a dataset view fails loudly
      views.put(schema + "." + id.name().toLowerCase(Locale.ROOT), "iceberg " + id
          + (plan.snapshot() == null ? "" : "@" + plan.snapshot().snapshotId()));
    }
    return views;
  }

  private String body(TableIdentifier id, IcebergRead.Plan plan) throws IOException {
    List<Types.NestedField> columns = plan.schema().columns();
    if (plan.files().isEmpty()) {
      StringJoiner cols = new StringJoiner(", ");
      columns.forEach(c -> cols.add("CAST(NULL AS " + sqlType(c.type()) + ") AS " + DuckSession.quote(c.name())));
      return "SELECT " + cols + " WHERE false";
    }
    List<String> paths = plan.hasDeletes() ? List.of(rowsWithDeletesApplied(id, plan).toString()) : dataFiles(id, plan);
    StringJoiner list = new StringJoiner(", ", "[", "]");
    paths.forEach(p -> list.add(literal(p)));
    StringJoiner map = new StringJoiner(", ", "MAP {", "}");
    for (Types.NestedField c : columns) {
      map.add(c.fieldId() + ": {name: " + literal(c.name()) + ", type: " + literal(sqlType(c.type()))
          + ", default_value: NULL}");
    }
    return "SELECT * FROM read_parquet(" + list + ", hive_partitioning = false, schema = " + map + ")";
  }

  /** The snapshot's data files as local paths (downloaded when the warehouse is not local). */
  private List<String> dataFiles(TableIdentifier id, IcebergRead.Plan plan) throws IOException {
    List<String> paths = new ArrayList<>();
    List<FileScanTask> remote = new ArrayList<>();
    for (FileScanTask t : plan.files()) {
      URI uri = ObjectStores.toUri(t.file().location());
      if ("file".equals(uri.getScheme())) {
        paths.add(Path.of(uri).toString());
      } else {
        remote.add(t);
      }
    }
    if (!remote.isEmpty()) {
      try (Terminal.Progress progress = Terminal.progress(err, "downloading " + id, remote.size())) {
        for (FileScanTask t : remote) {
          Path target = temp().resolve("f" + paths.size() + ".parquet");
          URI uri = ObjectStores.toUri(t.file().location());
          try (InputStream in = ObjectStores.forUri(uri).open(uri)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          paths.add(target.toString());
          progress.step();
        }
      }
    }
    return paths;
  }

  /** The snapshot's rows, deletes applied, in one temporary Parquet file with the table's field ids. */
  private Path rowsWithDeletesApplied(TableIdentifier id, IcebergRead.Plan plan) throws IOException {
    Path file = temp().resolve(id.toString().replaceAll("[^A-Za-z0-9_.]", "_") + ".parquet");
    WriteSpec spec = WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, plan.rowSchema(),
        Rows.model(GenericData.Record.class));
    try (Terminal.Progress progress = Terminal.progress(err, "applying the deletes of " + id, 1);
        SourceReader<GenericRecord> rows = plan.open();
        RowFileWriter w = FileFormats.newWriter(spec, ObjectStores.forUri(file.toUri()).newWriter(file.toUri()))) {
      while (rows.hasNext()) {
        w.write(rows.next());
      }
      w.commit();
      progress.step();
    }
    return file;
  }

  private Path temp() throws IOException {
    if (temp == null) {
      temp = Files.createTempDirectory("lake-query-iceberg-");
    }
    return temp;
  }

  /** DuckDB's type for an Iceberg type. */
  static String sqlType(Type type) {
    switch (type.typeId()) {
      case BOOLEAN: return "BOOLEAN";
      case INTEGER: return "INTEGER";
      case LONG: return "BIGINT";
      case FLOAT: return "FLOAT";
      case DOUBLE: return "DOUBLE";
      case DATE: return "DATE";
      case TIME: return "TIME";
      case TIMESTAMP: return ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case STRING: return "VARCHAR";
      case UUID: return "UUID";
      case BINARY:
      case FIXED: return "BLOB";
      case DECIMAL: {
        Types.DecimalType d = (Types.DecimalType) type;
        return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
      }
      case LIST: return sqlType(type.asListType().elementType()) + "[]";
      case MAP: return "MAP(" + sqlType(type.asMapType().keyType()) + ", " + sqlType(type.asMapType().valueType()) + ")";
      case STRUCT: {
        StringJoiner fields = new StringJoiner(", ", "STRUCT(", ")");
        type.asStructType().fields().forEach(f -> fields.add(DuckSession.quote(f.name()) + " " + sqlType(f.type())));
        return fields.toString();
      }
      default: return "VARCHAR";
    }
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  @Override
  public void close() {
    if (temp != null) {
      TempFiles.delete(temp);
    }
  }
}
