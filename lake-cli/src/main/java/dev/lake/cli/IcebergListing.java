package dev.lake.cli;

import dev.lake.io.SourceReader;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.sink.iceberg.IcebergRead;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The Iceberg part of {@code lake ls}: one line per table of the warehouse at its newest snapshot (or the
 * {@code --snapshot} given): partitions, rows, data and delete files, size, snapshots, last commit. Rows are the
 * snapshot's rows: for a snapshot with delete files (an upsert) they are counted by reading it with the deletes
 * applied, not taken from the data files' counts.
 *
 * <pre>{@code
 * IcebergListing.print(out, catalog, iceberg.tables(catalog), "./lake/iceberg");
 * }</pre>
 */
final class IcebergListing {
  private IcebergListing() {}

  static void print(PrintWriter out, IcebergCatalog catalog, Map<TableIdentifier, Long> tables, String where) {
    TextTable t = new TextTable("table", "snapshot", "partitions", "rows", "data files", "delete files", "size",
        "snapshots", "last commit");
    long rows = 0;
    for (Map.Entry<TableIdentifier, Long> e : tables.entrySet()) {
      Table table = catalog.catalog().loadTable(e.getKey());
      IcebergRead read = IcebergRead.of(table);
      IcebergRead.Plan plan = (e.getValue() == null ? read : read.snapshot(e.getValue())).plan();
      Snapshot s = plan.snapshot();
      long n = rows(plan);
      rows += n;
      Set<String> partitions = new HashSet<>();
      Set<String> deletes = new HashSet<>();
      long bytes = 0;
      for (FileScanTask task : plan.files()) {
        partitions.add(task.file().specId() + "/" + table.specs().get(task.file().specId())
            .partitionToPath(task.file().partition()));
        task.deletes().forEach(d -> deletes.add(d.location()));
        bytes += task.file().fileSizeInBytes();
      }
      int snapshots = 0;
      for (Snapshot ignored : table.snapshots()) {
        snapshots++;
      }
      t.row(e.getKey().toString(), s == null ? "" : String.valueOf(s.snapshotId()),
          table.spec().isUnpartitioned() ? "" : (Object) (long) partitions.size(), n, (long) plan.files().size(),
          (long) deletes.size(), Format.bytes(bytes), (long) snapshots,
          s == null ? "" : Format.time(Instant.ofEpochMilli(s.timestampMillis())));
    }
    out.println("Iceberg warehouse " + where + ": " + tables.size() + (tables.size() == 1 ? " table, " : " tables, ")
        + String.format("%,d", rows) + " rows");
    out.println();
    out.print(t);
  }

  /** The snapshot's rows: the data files' counts, or, with delete files, the rows read with the deletes applied. */
  static long rows(IcebergRead.Plan plan) {
    if (!plan.hasDeletes()) {
      return plan.dataFileRows();
    }
    long n = 0;
    try (SourceReader<GenericRecord> r = plan.open()) {
      while (r.hasNext()) {
        r.next();
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }
}
