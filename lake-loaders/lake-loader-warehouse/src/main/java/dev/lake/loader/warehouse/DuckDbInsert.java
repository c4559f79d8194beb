package dev.lake.loader.warehouse;

import dev.lake.Rows;
import dev.lake.exceptions.SinkException;
import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.ObjectStores;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * {@code INSERT INTO <table> SELECT … FROM read_parquet(?)} over the files a load moves, one statement per partition:
 * the file list and the partition values are bound parameters, cast to the column types. Hive partitioning is off
 * on purpose: the partition values come from the manifest, exactly as committed. Sets
 * {@code autoinstall_known_extensions=false} on the connection. Files of a lake that is not local (s3://…) are
 * downloaded one partition at a time into a temporary directory, read, and deleted: DuckDB's httpfs extension is
 * never needed.
 */
final class DuckDbInsert {
  private DuckDbInsert() {}

  /** Inserts the snapshot's files; {@code hook} hears {@code "file <n>"} for each file once its partition is in. */
  static long insert(Connection c, String into, Snapshot snap, Consumer<String> hook) throws SQLException {
    List<ColumnDef> fileCols = snap.fileColumns();
    List<ColumnDef> partCols = snap.partitionColumns();
    List<String> names = new ArrayList<>();
    StringBuilder select = new StringBuilder();
    for (ColumnDef f : fileCols) {
      names.add(f.name());
      select.append(select.length() == 0 ? "" : ", ").append(Sql.ident(f.name()));
    }
    for (ColumnDef p : partCols) {
      names.add(p.name());
      select.append(select.length() == 0 ? "" : ", ").append(Statements.cast(Dialect.DUCKDB, p, "?"));
    }
    String sql = "INSERT INTO " + into + " (" + Sql.idents(names) + ") SELECT " + select
        + " FROM read_parquet(?::VARCHAR[], hive_partitioning = false)";
    // read_parquet is built in; never let DuckDB try to download an extension (offline, and a Lambda has no cache)
    JdbcLoader.execute(c, "SET autoinstall_known_extensions = false");
    if (snap.external() != null) {
      return insertRows(c, sql, snap, hook);
    }
    long rows = 0;
    int done = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Map.Entry<Map<String, String>, List<DataFile>> group : snap.filesByPartition().entrySet()) {
        int i = 1;
        for (ColumnDef p : partCols) {
          ps.setString(i++, Snapshot.partitionValue(group.getKey(), p));
        }
        Path downloads = null;
        try {
          List<String> paths = new ArrayList<>();
          for (DataFile f : group.getValue()) {
            URI uri = snap.uri(f);
            if ("file".equals(uri.getScheme())) {
              paths.add(Path.of(uri).toString());
            } else {
              downloads = downloads != null ? downloads : Files.createTempDirectory("lake-duckdb-load-");
              paths.add(download(snap, uri, downloads.resolve(paths.size() + ".parquet")).toString());
            }
          }
          ps.setArray(i, c.createArrayOf("VARCHAR", paths.toArray()));
          rows += ps.executeUpdate();
          for (int k = 0; k < group.getValue().size(); k++) {
            hook.accept("file " + done++);
          }
        } catch (IOException e) {
          throw new SinkException("duckdb", "Cannot stage the files of " + snap.dataset() + " for DuckDB: "
              + e.getMessage(), e);
        } finally {
          deleteAll(downloads);
        }
      }
    }
    return rows;
  }

  /**
   * A table's rows are not its files' rows (deletes, columns renamed by field id): each file's rows, as the table
   * gives them, go through a temporary Parquet file in the table's schema.
   */
  private static long insertRows(Connection c, String sql, Snapshot snap, Consumer<String> hook)
      throws SQLException {
    long rows = 0;
    int done = 0;
    Path dir = null;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      dir = Files.createTempDirectory("lake-duckdb-load-");
      WriteSpec spec = WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, snap.rowSchema(),
          Rows.model(GenericData.Record.class));
      for (DataFile f : snap.files()) {
        Path file = dir.resolve(done + ".parquet");
        try (SourceReader<GenericRecord> in = snap.open(f);
            RowFileWriter w = FileFormats.newWriter(spec, ObjectStores.forUri(file.toUri()).newWriter(file.toUri()))) {
          while (in.hasNext()) {
            w.write(in.next());
          }
          w.commit();
        }
        ps.setArray(1, c.createArrayOf("VARCHAR", new Object[] {file.toString()}));
        rows += ps.executeUpdate();
        Files.delete(file);
        hook.accept("file " + done++);
      }
    } catch (IOException e) {
      throw new SinkException("duckdb", "Cannot stage the rows of " + snap.dataset() + " for DuckDB: "
          + e.getMessage(), e);
    } finally {
      deleteAll(dir);
    }
    return rows;
  }

  private static Path download(Snapshot snap, URI uri, Path to) throws IOException {
    try (InputStream in = snap.lake().store().open(uri)) {
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new SinkException("duckdb", "Cannot download " + uri + " for the DuckDB load: " + e.getMessage(), e);
    }
    return to;
  }

  private static void deleteAll(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      dir.toFile().deleteOnExit();
    }
  }
}
