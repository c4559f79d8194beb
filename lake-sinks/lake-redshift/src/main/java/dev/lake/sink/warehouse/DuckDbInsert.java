package dev.lake.sink.warehouse;

import dev.lake.io.DataFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code INSERT INTO <table> SELECT … FROM read_parquet(?)} over the committed files, one statement per partition:
 * the file list and the partition values are bound parameters, cast to the column types. Hive partitioning is off
 * on purpose: the partition values come from the manifest, exactly as committed. Sets
 * {@code autoinstall_known_extensions=false} on the connection.
 */
final class DuckDbInsert {
  private DuckDbInsert() {}

  static long insert(Connection c, String into, Snapshot snap) throws SQLException {
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
    long rows = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Map.Entry<Map<String, String>, List<DataFile>> group : snap.filesByPartition().entrySet()) {
        int i = 1;
        for (ColumnDef p : partCols) {
          ps.setString(i++, Snapshot.partitionValue(group.getKey(), p));
        }
        List<String> paths = new ArrayList<>();
        for (DataFile f : group.getValue()) {
          paths.add(Path.of(snap.uri(f)).toString());
        }
        ps.setArray(i, c.createArrayOf("VARCHAR", paths.toArray()));
        rows += ps.executeUpdate();
      }
    }
    return rows;
  }
}
