package dev.lake.loader.warehouse;

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
 */
public final class LoadReport {
  private final String dataset;
  private final long version;
  private final String table;
  private final LoadMode mode;
  private final long rows;
  private final int files;
  private final boolean createdTable;
  private final List<String> addedColumns;
  private final Duration duration;
  private final long previousVersion;
  private final int reloadedPartitions;

  private LoadReport(Builder b) {
    dataset = b.dataset;
    version = b.version;
    table = b.table;
    mode = b.mode;
    rows = b.rows;
    files = b.files;
    createdTable = b.createdTable;
    addedColumns = List.copyOf(java.util.Objects.requireNonNull(b.addedColumns, "addedColumns"));
    duration = b.duration;
    previousVersion = b.previousVersion;
    reloadedPartitions = b.reloadedPartitions;
  }

  /** A builder: every value starts at zero, false, empty or null. */
  public static Builder builder() {
    return new Builder();
  }

  /** The dataset path, e.g. {@code processed/online_retail}. */
  public String dataset() {
    return dataset;
  }

  /** The manifest version the table holds now. */
  public long version() {
    return version;
  }

  /** The target table, quoted. */
  public String table() {
    return table;
  }

  /** The load mode. */
  public LoadMode mode() {
    return mode;
  }

  /** Rows this load moved from the dataset. */
  public long rows() {
    return rows;
  }

  /** Data files this load read. */
  public int files() {
    return files;
  }

  /** Whether the table was created by this load. */
  public boolean createdTable() {
    return createdTable;
  }

  /** Columns added to the table (schema evolution). */
  public List<String> addedColumns() {
    return addedColumns;
  }

  /** Wall time of the load. */
  public Duration duration() {
    return duration;
  }

  /** The version the table held before (0: none recorded). */
  public long previousVersion() {
    return previousVersion;
  }

  /**
   * Partitions whose rows were deleted and loaded again because files the table held were replaced since (a
   * compaction, an overwrite); -1 when every row was ({@code REPLACE}, or such a change in an unpartitioned dataset);
   * 0 otherwise.
   */
  public int reloadedPartitions() {
    return reloadedPartitions;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LoadReport other)) {
      return false;
    }
    return java.util.Objects.equals(dataset, other.dataset) && version == other.version
        && java.util.Objects.equals(table, other.table) && java.util.Objects.equals(mode, other.mode)
        && rows == other.rows && files == other.files && createdTable == other.createdTable
        && java.util.Objects.equals(addedColumns, other.addedColumns)
        && java.util.Objects.equals(duration, other.duration) && previousVersion == other.previousVersion
        && reloadedPartitions == other.reloadedPartitions;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(dataset, version, table, mode, rows, files, createdTable, addedColumns, duration,
        previousVersion, reloadedPartitions);
  }

  @Override
  public String toString() {
    return "LoadReport[dataset=" + dataset + ", version=" + version + ", table=" + table + ", mode=" + mode
        + ", rows=" + rows + ", files=" + files + ", createdTable=" + createdTable + ", addedColumns=" + addedColumns
        + ", duration=" + duration + ", previousVersion=" + previousVersion
        + ", reloadedPartitions=" + reloadedPartitions + "]";
  }

  /** Builds a {@link LoadReport}; Lake builds them, a test of your own may too. */
  public static final class Builder {
    private String dataset;
    private long version;
    private String table;
    private LoadMode mode;
    private long rows;
    private int files;
    private boolean createdTable;
    private List<String> addedColumns = List.of();
    private Duration duration = Duration.ZERO;
    private long previousVersion;
    private int reloadedPartitions;

    private Builder() {}

    /** Sets {@link LoadReport#dataset()}. */
    public Builder dataset(String value) {
      this.dataset = value;
      return this;
    }

    /** Sets {@link LoadReport#version()}. */
    public Builder version(long value) {
      this.version = value;
      return this;
    }

    /** Sets {@link LoadReport#table()}. */
    public Builder table(String value) {
      this.table = value;
      return this;
    }

    /** Sets {@link LoadReport#mode()}. */
    public Builder mode(LoadMode value) {
      this.mode = value;
      return this;
    }

    /** Sets {@link LoadReport#rows()}. */
    public Builder rows(long value) {
      this.rows = value;
      return this;
    }

    /** Sets {@link LoadReport#files()}. */
    public Builder files(int value) {
      this.files = value;
      return this;
    }

    /** Sets {@link LoadReport#createdTable()}. */
    public Builder createdTable(boolean value) {
      this.createdTable = value;
      return this;
    }

    /** Sets {@link LoadReport#addedColumns()}. */
    public Builder addedColumns(List<String> value) {
      this.addedColumns = value;
      return this;
    }

    /** Sets {@link LoadReport#duration()}. */
    public Builder duration(Duration value) {
      this.duration = value;
      return this;
    }

    /** Sets {@link LoadReport#previousVersion()}. */
    public Builder previousVersion(long value) {
      this.previousVersion = value;
      return this;
    }

    /** Sets {@link LoadReport#reloadedPartitions()}. */
    public Builder reloadedPartitions(int value) {
      this.reloadedPartitions = value;
      return this;
    }

    /** The {@link LoadReport} of the values set. */
    public LoadReport build() {
      return new LoadReport(this);
    }
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
