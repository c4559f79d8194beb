package dev.lake.sink.warehouse;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link WarehouseLoad} did.
 *
 * <pre>{@code
 * LoadReport r = load.run();
 * System.out.println(r.summary()); // "processed/sales v3 -> "public"."sales" (MERGE): 1,234 rows in 0.4 s"
 * }</pre>
 *
 * @param dataset the dataset path, e.g. {@code processed/online_retail}
 * @param version the manifest version that was loaded
 * @param table the target table, quoted
 * @param mode the load mode
 * @param rows rows loaded from the dataset
 * @param files data files read
 * @param createdTable whether the table was created by this load
 * @param addedColumns columns added to the table (schema evolution)
 * @param duration wall time of the load
 */
public record LoadReport(String dataset, long version, String table, LoadMode mode, long rows, int files,
    boolean createdTable, List<String> addedColumns, Duration duration) {

  public LoadReport {
    addedColumns = List.copyOf(addedColumns);
  }

  /** One line for logs. */
  public String summary() {
    return String.format("%s v%d -> %s (%s): %,d rows from %d files in %.1f s%s%s", dataset, version, table, mode,
        rows, files, duration.toMillis() / 1000.0, createdTable ? "; table created" : "",
        addedColumns.isEmpty() ? "" : "; added columns " + addedColumns);
  }
}
