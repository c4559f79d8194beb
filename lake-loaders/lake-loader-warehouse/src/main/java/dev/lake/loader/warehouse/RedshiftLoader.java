package dev.lake.loader.warehouse;

import dev.lake.io.DataFile;
import dev.lake.loader.warehouse.WarehouseLoad.Loaded;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Redshift load as statements run in one transaction (a Data API session, or a JDBC transaction). Partition
 * columns are directory names, not Parquet columns, so each partition's files are copied into a staging table of the
 * file columns, then inserted into the target (or, for a merge, into a second staging table) with the partition
 * values as escaped literals cast to the column types.
 */
final class RedshiftLoader {
  private final WarehouseLoad load;
  private final Snapshot snap;
  private final String table;
  private final String suffix;

  RedshiftLoader(WarehouseLoad load, Snapshot snap) {
    this(load, snap, HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
  }

  RedshiftLoader(WarehouseLoad load, Snapshot snap, String suffix) {
    this.load = load;
    this.snap = snap;
    this.table = load.tableName().quoted(Dialect.REDSHIFT);
    this.suffix = suffix;
  }

  /**
   * The load through a Data API session, as one transaction: lock and read the load state, plan, describe, then
   * the statements and the state's record; a failure rolls the session back.
   */
  Loaded runDataApi(RedshiftDataApi api) {
    try (CopyStaging staging = staging(); DataApiSession session = DataApiSession.begin(api)) {
      LoadState state = new LoadState(Dialect.REDSHIFT, load.tableName().schemaOr(Dialect.REDSHIFT), table,
          snap.source());
      state.prepare().forEach(session::execute);
      LoadState.Recorded recorded = state.read(session);
      LoadPlan plan = snap.reloadingAllWhenDeleted(LoadPlan.of(load.loadMode(), snap.committed(), recorded, table));
      List<Evolution.Existing> existing = session.describe(load.tableName().schemaOr(Dialect.REDSHIFT),
          load.tableName().name());
      if (staging != null) {
        staging.removeLeftovers(); // under the lock: no other load of this table is staging now
      }
      load.hook().accept("planned");
      if (plan.upToDate()) {
        session.commit();
        return new Loaded(0, false, List.of(), plan);
      }
      if (load.loadMode() == LoadMode.APPEND && recorded.version() == 0 && !existing.isEmpty()
          && !session.query("SELECT 1 FROM " + table + " LIMIT 1").isEmpty()) {
        throw WarehouseLoad.unrecordedRows(table, snap.source());
      }
      List<ColumnDef> added = existing.isEmpty() ? List.of()
          : Evolution.columnsToAdd(table, snap.dataset(), existing, snap.columns(), Dialect.REDSHIFT);
      new RedshiftLoader(load, snap.withFiles(plan.files()), suffix)
          .statements(existing.isEmpty(), added, plan, staging).forEach(session::execute);
      load.hook().accept("moved");
      state.record(recorded, plan.version(), java.time.Instant.now(), plan.gone(), plan.added(),
          load.loadMode() == LoadMode.REPLACE).forEach(session::execute);
      load.hook().accept("recorded");
      session.commit();
      return new Loaded(staging != null ? staging.rows() : plan.rows(), existing.isEmpty(),
          added.stream().map(ColumnDef::name).toList(), plan);
    }
  }

  /**
   * Where a table snapshot's rows are staged for COPY (null for a lake dataset, whose files COPY reads as they
   * are); closing it, after the transaction ended either way, deletes them.
   */
  CopyStaging staging() {
    return snap.external() == null ? null : new CopyStaging(load.staging(), snap.source(), table, suffix);
  }

  /**
   * Writes the COPY manifests of the plan's files, then returns the statements that load them. A table snapshot's
   * rows are staged first ({@code staging}, from {@link #staging()}, its leftovers already removed under the load
   * state's lock): the rows to load are written, deletes applied and in the staging table's column order, and copied
   * from one manifest (nothing is copied when no row is left).
   */
  List<String> statements(boolean create, List<ColumnDef> added, LoadPlan plan, CopyStaging staging) {
    if (snap.external() != null) {
      URI manifest = staging.stage(snap, load.hook());
      return manifest == null ? sql(create, added, plan, List.of(), List.of())
          : sql(create, added, plan, List.of(Map.of()), List.of(CopyManifests.s3Url(manifest)));
    }
    Map<Map<String, String>, List<DataFile>> groups = snap.filesByPartition();
    List<String> manifests = new ArrayList<>();
    int n = 0;
    for (List<DataFile> files : groups.values()) {
      URI at = CopyManifests.location(snap, plan, table, n++);
      CopyManifests.write(snap, at, files);
      manifests.add(CopyManifests.s3Url(at));
    }
    return sql(create, added, plan, new ArrayList<>(groups.keySet()), manifests);
  }

  /**
   * The statements, given the plan, the partitions to copy and their manifest URLs (golden-tested without S3):
   * rows the plan reloads are deleted first; REPLACE deletes every row (DELETE, not TRUNCATE: TRUNCATE commits at
   * once on Redshift).
   */
  List<String> sql(boolean create, List<ColumnDef> added, LoadPlan plan, List<Map<String, String>> partitions,
      List<String> manifestUrls) {
    Dialect d = Dialect.REDSHIFT;
    RedshiftOptions o = load.redshiftOptions();
    List<String> out = new ArrayList<>();
    if (create) {
      out.add(Statements.createSchema(load.tableName().schemaOr(d)));
      out.add(Statements.createTable(d, table, snap.columns(), o));
    }
    added.forEach(a -> out.add(Statements.addColumn(d, table, a)));
    String files = "lake_files_" + suffix;
    String rows = "lake_rows_" + suffix;
    out.add(Statements.createStage(d, files, snap.fileColumns()));
    boolean merge = load.loadMode() == LoadMode.MERGE;
    if (merge) {
      out.add(Statements.createStage(d, rows, snap.columns()));
    }
    if (plan.clearAll()) {
      out.add(Statements.deleteAll(table));
    }
    plan.clear().forEach(p -> out.add(Statements.deletePartition(d, table, snap.partitionColumns(), p)));
    String into = merge ? Sql.ident(rows) : table;
    List<String> fileNames = snap.fileColumns().stream().map(ColumnDef::name).toList();
    List<ColumnDef> parts = snap.partitionColumns();
    for (int i = 0; i < partitions.size(); i++) {
      if (i > 0) {
        out.add("DELETE FROM " + Sql.ident(files));
      }
      out.add("COPY " + Sql.ident(files) + " FROM " + Sql.literal(manifestUrls.get(i)) + " IAM_ROLE "
          + Sql.literal(o.iamRole()) + " FORMAT AS PARQUET MANIFEST");
      List<String> names = new ArrayList<>(fileNames);
      StringBuilder select = new StringBuilder(Sql.idents(fileNames));
      for (ColumnDef p : parts) {
        String v = Snapshot.partitionValue(partitions.get(i), p);
        names.add(p.name());
        select.append(select.length() == 0 ? "" : ", ")
            .append(Statements.cast(d, p, v == null ? "NULL" : Sql.literal(v)));
      }
      out.add("INSERT INTO " + into + " (" + Sql.idents(names) + ") SELECT " + select + " FROM " + Sql.ident(files));
    }
    if (merge) {
      out.addAll(Statements.deleteInsert(table, rows, snap.columnNames(), load.keys()));
      out.add(Statements.dropStage(rows));
    }
    out.add(Statements.dropStage(files));
    return out;
  }
}
