package dev.lake.sink.iceberg;

import dev.lake.exceptions.SourceException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Reads a snapshot of an Iceberg table: the newest (the default), a given snapshot id, or the one current at a
 * time. Immutable; {@link #plan()} resolves the snapshot and plans its files through Iceberg's own scan planning
 * (manifests, delete files per data file), and {@link Plan#open()} streams its rows as Lake's generic rows, with the
 * equality and position deletes applied, in the table's current schema (the newest snapshot) or in the schema a
 * snapshot was written with (time travel, as Spark reads it): what Spark or Trino return for
 * {@code SELECT *} at that snapshot. Memory holds one data file's row group and the snapshot's delete files' keys,
 * never the table.
 *
 * <p>Data files are read by Lake's Hadoop-free Parquet reader, columns matched by Iceberg field id (a column
 * renamed since a file was written is read from its old name). Iceberg's generic reader ({@code iceberg-data}'s
 * {@code IcebergGenerics} with {@code iceberg-parquet}) needs Hadoop on the classpath to read Parquet, so Lake does
 * not use it. Only Parquet data files and top-level equality delete columns are read.
 *
 * <pre>{@code
 * // given: IcebergCatalog catalog, long firstSnapshotId
 * IcebergRead.Plan plan = IcebergRead.of(catalog, "retail.online_retail").snapshot(firstSnapshotId).plan();
 * try (SourceReader<GenericRecord> rows = plan.open()) {
 *   while (rows.hasNext()) System.out.println(rows.next());
 * }
 * }</pre>
 */
public final class IcebergRead {
  private final IcebergCatalog catalog;
  private final String name;
  private final Table loaded;
  private final Long snapshotId;
  private final Instant asOf;

  private IcebergRead(IcebergCatalog catalog, String name, Table loaded, Long snapshotId, Instant asOf) {
    this.catalog = catalog;
    this.name = name;
    this.loaded = loaded;
    this.snapshotId = snapshotId;
    this.asOf = asOf;
  }

  /** Reads {@code table} ({@code namespace.table}) of {@code catalog}; the table is loaded when planned. */
  public static IcebergRead of(IcebergCatalog catalog, String table) {
    Objects.requireNonNull(catalog, "catalog");
    ValidationException.check(table != null && table.contains("."),
        "An Iceberg table is named namespace.table, e.g. retail.online_retail; got %s", table);
    return new IcebergRead(catalog, table, null, null, null);
  }

  /** Reads a table loaded from any catalog. */
  public static IcebergRead of(Table table) {
    Objects.requireNonNull(table, "table");
    return new IcebergRead(null, table.name(), table, null, null);
  }

  /** The snapshot with this id (time travel); must be one of the table's snapshots. */
  public IcebergRead snapshot(long id) {
    return new IcebergRead(catalog, name, loaded, id, null);
  }

  /** The snapshot that was current at {@code time} (time travel by time). */
  public IcebergRead asOf(Instant time) {
    return new IcebergRead(catalog, name, loaded, null, Objects.requireNonNull(time, "time"));
  }

  /**
   * This read as lake-core's {@link dev.lake.io.TableSnapshot}, for lake-loader-warehouse's
   * {@code WarehouseLoad.of(TableSnapshot)}: planned when a load first asks for it, and planned again for every run
   * of a load that reads the newest snapshot ({@code refreshed()}), so one load object serves a schedule.
   */
  public dev.lake.io.TableSnapshot asTableSnapshot() {
    return new IcebergTableSnapshot(this);
  }

  /** True when this read follows the newest snapshot (no {@link #snapshot} or {@link #asOf}). */
  boolean newest() {
    return snapshotId == null && asOf == null;
  }

  /**
   * What reading the table needs from AWS, without any I/O: reading and listing the objects under the table's
   * prefix and, for an AWS Glue catalog, {@code glue:GetDatabase} and {@code glue:GetTable}. A JDBC catalog is a
   * database login; a table given as loaded, or a REST catalog, is listed as undeclared.
   */
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    if (catalog == null) {
      return dev.lake.iam.IamPolicy.undeclared("iceberg table " + name + " (loaded by the caller's catalog)");
    }
    return IcebergPermissions.read(catalog.properties(), name, scope);
  }

  /** The table's name as given ({@code retail.online_retail}). */
  String name() {
    return name;
  }

  /** Resolves the snapshot and plans its files. A table without any snapshot yet plans no files. */
  public Plan plan() {
    Table table = loaded != null ? loaded : catalog.load(name);
    table.refresh();
    Snapshot snapshot = resolve(table);
    // the newest rows in the table's current schema; time travel in the schema the snapshot was written with
    org.apache.iceberg.Schema schema = snapshot == null || snapshotId == null && asOf == null ? table.schema()
        : SnapshotUtil.schemaFor(table, snapshot.snapshotId());
    List<FileScanTask> tasks = new ArrayList<>();
    if (snapshot != null) {
      TableScan scan = table.newScan().useSnapshot(snapshot.snapshotId());
      try (CloseableIterable<FileScanTask> planned = scan.planFiles()) {
        planned.forEach(tasks::add);
      } catch (IOException e) {
        throw new SourceException("iceberg", "Cannot plan the files of " + table.name() + ": " + e.getMessage(), e);
      }
    }
    return new Plan(table, snapshot, schema, tasks);
  }

  private Snapshot resolve(Table table) {
    if (snapshotId != null) {
      Snapshot s = table.snapshot(snapshotId);
      if (s == null) {
        List<Long> ids = new ArrayList<>();
        table.snapshots().forEach(x -> ids.add(x.snapshotId()));
        throw new ValidationException("Iceberg table " + table.name() + " has no snapshot " + snapshotId
            + " (expired, or of another table); its snapshots are " + ids + " (lake iceberg snapshots "
            + table.name() + " lists them)");
      }
      return s;
    }
    if (asOf != null) {
      Snapshot first = null;
      for (Snapshot s : SnapshotUtil.currentAncestors(table)) {
        first = s;
      }
      if (first == null || first.timestampMillis() > asOf.toEpochMilli()) {
        throw new ValidationException("Iceberg table " + table.name() + " had no snapshot at " + asOf
            + (first == null ? ": it has none yet" : ": its first is of " + Instant.ofEpochMilli(first.timestampMillis())));
      }
      return table.snapshot(SnapshotUtil.snapshotIdAsOfTime(table, asOf.toEpochMilli()));
    }
    return table.currentSnapshot();
  }

  /**
   * A resolved snapshot and its planned files.
   *
   * <pre>{@code
   * // given: IcebergCatalog catalog
   * IcebergRead.Plan plan = IcebergRead.of(catalog, "shop.invoice_lines").plan();
   * long rowsBeforeDeletes = plan.dataFileRows();
   * boolean upserted = plan.hasDeletes();
   * }</pre>
   */
  public static final class Plan {
    private final Table table;
    private final Snapshot snapshot;
    private final org.apache.iceberg.Schema schema;
    private final List<FileScanTask> tasks;
    private final Schema rows;

    private Plan(Table table, Snapshot snapshot, org.apache.iceberg.Schema schema, List<FileScanTask> tasks) {
      this.table = table;
      this.snapshot = snapshot;
      this.schema = schema;
      this.tasks = List.copyOf(tasks);
      this.rows = AvroSchemas.of(schema, table.name());
    }

    /** The table as loaded. */
    public Table table() {
      return table;
    }

    /** The snapshot read, or null for a table that has none yet. */
    public Snapshot snapshot() {
      return snapshot;
    }

    /** The snapshot's schema (Iceberg's, with field ids). */
    public org.apache.iceberg.Schema schema() {
      return schema;
    }

    /** The rows' schema as Lake's rows carry it (see {@link #open()}); each field has its {@code field-id}. */
    public Schema rowSchema() {
      return rows;
    }

    /** The data files to read, each with the delete files that apply to it. */
    public List<FileScanTask> files() {
      return tasks;
    }

    /** True when some data file has delete files (an upsert): its rows are then not just its data files' rows. */
    public boolean hasDeletes() {
      return tasks.stream().anyMatch(t -> !t.deletes().isEmpty());
    }

    /** Rows in the data files, before deletes. */
    public long dataFileRows() {
      return tasks.stream().mapToLong(t -> t.file().recordCount()).sum();
    }

    /** Streams the snapshot's rows, deletes applied; close the reader when done. */
    public SourceReader<GenericRecord> open() {
      return new SnapshotRows(tasks, schema, rows, table.io());
    }
  }
}
