package dev.lake.loader.warehouse;

import dev.lake.exceptions.SourceException;
import dev.lake.io.DataFile;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams the rows of the files a load moves into {@code COPY <table> (<columns>) FROM STDIN (FORMAT csv)}: no
 * temporary files; partition values (directory names, not Parquet columns) are put back into each row. Rows go out in
 * 256 KB chunks.
 */
final class PostgresCopy {
  private static final int CHUNK = 256 * 1024;

  private PostgresCopy() {}

  /** Copies the snapshot's files; {@code hook} hears {@code "file <n>"} after each (tests interrupt loads there). */
  static long copy(Connection c, String into, Snapshot snap, Consumer<String> hook) throws SQLException {
    List<ColumnDef> columns = snap.columns();
    String sql = "COPY " + into + " (" + Sql.idents(snap.columnNames()) + ") FROM STDIN (FORMAT csv)";
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    long rows = 0;
    try {
      StringBuilder sb = new StringBuilder(CHUNK + 4096);
      int n = 0;
      for (DataFile f : snap.files()) {
        String[] partition = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
          partition[i] = columns.get(i).partition() ? Snapshot.partitionValue(f.partition(), columns.get(i)) : null;
        }
        try (SourceReader<GenericRecord> in = snap.open(f)) {
          while (in.hasNext()) {
            GenericRecord r = in.next();
            for (int i = 0; i < columns.size(); i++) {
              if (i > 0) {
                sb.append(',');
              }
              ColumnDef col = columns.get(i);
              CsvRows.appendField(sb, col.partition() ? partition[i] : r.get(col.name()));
            }
            sb.append('\n');
            rows++;
            if (sb.length() >= CHUNK) {
              write(copy, sb);
            }
          }
        } catch (IOException e) {
          throw new SourceException("lake", "Cannot read " + snap.uri(f) + ": " + e.getMessage(), e);
        }
        hook.accept("file " + n++);
      }
      write(copy, sb);
      copy.endCopy();
      return rows;
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void write(CopyIn copy, StringBuilder sb) throws SQLException {
    byte[] bytes = CsvRows.bytes(sb);
    copy.writeToCopy(bytes, 0, bytes.length);
    sb.setLength(0);
  }
}
