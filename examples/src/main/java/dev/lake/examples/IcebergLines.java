package dev.lake.examples;

import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * What the examples print about the Iceberg tables a {@code --format iceberg} run wrote: each table's current
 * snapshot, and where the tables are.
 *
 * <pre>{@code
 * System.out.println(IcebergLines.table(to, "online_retail"));
 * // Iceberg table retail.online_retail: snapshot 1 of 1 (id 51…), 541,909 rows in 13 data files
 * }</pre>
 */
public final class IcebergLines {
  private IcebergLines() {}

  /** "Iceberg table t: snapshot n of n (id …), r rows in f data files[ and d delete files]". */
  public static String table(IcebergDestination to, String dataset) {
    String name = IcebergDestination.table(dataset);
    Table table = to.catalog().load(name);
    Snapshot current = table.currentSnapshot();
    if (current == null) {
      return "Iceberg table " + name + ": no snapshot yet";
    }
    int count = 0;
    int position = 0;
    for (Snapshot s : table.snapshots()) {
      count++;
      if (s.snapshotId() == current.snapshotId()) {
        position = count;
      }
    }
    Map<String, String> summary = current.summary();
    long deleteFiles = Long.parseLong(summary.getOrDefault("total-delete-files", "0"));
    return String.format("Iceberg table %s: snapshot %d of %d (id %d), %,d rows in %,d data files%s", name, position,
        count, current.snapshotId(), Long.parseLong(summary.getOrDefault("total-records", "0")),
        Long.parseLong(summary.getOrDefault("total-data-files", "0")),
        deleteFiles == 0 ? "" : String.format(" and %,d delete files (%,d upsert keys)", deleteFiles,
            Long.parseLong(summary.getOrDefault("total-equality-deletes", "0"))));
  }

  /** Where the tables are, and what reads them. */
  public static String where(IcebergDestination to) {
    return "Iceberg tables in " + to.where() + ": Spark, Trino and Athena read them through the catalog.";
  }
}
