package dev.lake.sink.warehouse;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link WarehouseLoad} did.
 *
 * <pre>{@code
 * // given: WarehouseLoad load
 * LoadReport r = load.run();
 * System.out.println(r.summary()); // "processed/sales v3 -> "public"."sales" (APPEND): 1,234 rows from 2 files
 *                                  //  in 0.4 s; since v2"
 * if (r.upToDate()) System.out.println("nothing new");
 * }</pre>
 *
 * @param dataset the dataset path, e.g. {@code processed/online_retail}
 * @param version the manifest version the table holds now
 * @param table the target table, quoted
 * @param mode the load mode
 * @param rows rows this load moved from the dataset
 * @param files data files this load read
 * @param createdTable whether the table was created by this load
 * @param addedColumns columns added to the table (schema evolution)
 * @param duration wall time of the load
 * @param previousVersion the version the table held before (0: none recorded)
 * @param reloadedPartitions partitions whose rows were deleted and loaded again because files the table held were
 *     replaced since (a compaction, an overwrite); -1 when every row was ({@code REPLACE}, or such a change in an
 *     unpartitioned dataset); 0 otherwise
 */
public record LoadReport(String dataset, long version, String table, LoadMode mode, long rows, int files,
    boolean createdTable, List<String> addedColumns, Duration duration, long previousVersion,
    int reloadedPartitions) {

  public LoadReport {
    addedColumns = List.copyOf(addedColumns);
  }

  /** A report without the incremental fields (as before loads were recorded): nothing held before, nothing reloaded. */
  public LoadReport(String dataset, long version, String table, LoadMode mode, long rows, int files,
      boolean createdTable, List<String> addedColumns, Duration duration) {
    this(dataset, version, table, mode, rows, files, createdTable, addedColumns, duration, 0, 0);
  }

  /** True when the table already held this version: nothing moved. */
  public boolean upToDate() {
    return previousVersion == version && files == 0 && reloadedPartitions == 0;
  }

  /** One line for logs. */
  public String summary() {
    if (upToDate()) {
      return String.format("%s v%d -> %s (%s): up to date, nothing loaded in %.1f s", dataset, version, table, mode,
          duration.toMillis() / 1000.0);
    }
    return String.format("%s v%d -> %s (%s): %,d rows from %d files in %.1f s%s%s%s%s", dataset, version, table,
        mode, rows, files, duration.toMillis() / 1000.0, previousVersion > 0 ? "; since v" + previousVersion : "",
        reloadedPartitions < 0 ? "; every row reloaded" : reloadedPartitions > 0 ? "; " + reloadedPartitions
            + " partitions reloaded (their files were replaced)" : "",
        createdTable ? "; table created" : "", addedColumns.isEmpty() ? "" : "; added columns " + addedColumns);
  }
}
