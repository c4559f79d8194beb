package dev.lake.loader.warehouse;

import dev.lake.exceptions.SinkException;
import dev.lake.loader.warehouse.WarehouseLoad.Loaded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * A load over JDBC, in one transaction: lock and read the load state ({@link LoadState}), plan what moves
 * ({@link LoadPlan}), describe the table, check the schema (before any data moves), create or evolve the table,
 * delete what is reloaded, move the data (PostgreSQL: COPY FROM STDIN; DuckDB: read_parquet; Redshift: COPY from
 * manifests), merge or replace, record the version and files loaded, then commit. Any failure, or a process killed
 * at any point, rolls everything back: the data and its record commit together or not at all.
 */
final class JdbcLoader {
  static final String DESCRIBE = "SELECT column_name, data_type, is_nullable, numeric_precision, numeric_scale "
      + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";

  private final WarehouseLoad load;
  private final Snapshot snap;
  private final Dialect dialect;
  private final String table;

  JdbcLoader(WarehouseLoad load, Snapshot snap) {
    this.load = load;
    this.snap = snap;
    this.dialect = load.dialect();
    this.table = load.tableName().quoted(dialect);
  }

  Loaded run(DataSource dataSource) {
    RedshiftLoader redshift = dialect == Dialect.REDSHIFT ? new RedshiftLoader(load, snap) : null;
    try (CopyStaging staging = redshift == null ? null : redshift.staging();
        Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Loaded loaded = load(c, staging);
        c.commit();
        return loaded;
      } catch (Throwable e) {
        rollback(c, e);
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new SinkException(dialect.name().toLowerCase(java.util.Locale.ROOT), "Loading " + snap.dataset()
          + " v" + snap.committed().version() + " into " + table + " failed and was rolled back: " + e.getMessage(),
          e);
    }
  }

  private Loaded load(Connection c, CopyStaging staging) throws SQLException {
    LoadState.Tx tx = tx(c);
    if (dialect == Dialect.POSTGRES) {
      execute(c, "SET LOCAL standard_conforming_strings = on"); // the literals LoadState and partitions inline
    }
    LoadState state = new LoadState(dialect, load.tableName().schemaOr(dialect), table, snap.source());
    for (String s : state.prepare()) {
      execute(c, s);
    }
    LoadState.Recorded recorded = state.read(tx);
    LoadPlan plan = snap.reloadingAllWhenDeleted(LoadPlan.of(load.loadMode(), snap.committed(), recorded, table));
    List<Evolution.Existing> existing = describe(c);
    if (staging != null) {
      staging.removeLeftovers(); // under the lock: no other load of this table is staging now
    }
    load.hook().accept("planned");
    if (plan.upToDate()) {
      return new Loaded(0, false, List.of(), plan);
    }
    if (load.loadMode() == LoadMode.APPEND && recorded.version() == 0 && !existing.isEmpty() && hasRows(c)) {
      throw WarehouseLoad.unrecordedRows(table, snap.source());
    }
    List<ColumnDef> added = existing.isEmpty() ? List.of()
        : Evolution.columnsToAdd(table, snap.dataset(), existing, snap.columns(), dialect);
    Snapshot moving = snap.withFiles(plan.files());
    long rows;
    if (dialect == Dialect.REDSHIFT) {
      for (String s : new RedshiftLoader(load, moving).statements(existing.isEmpty(), added, plan, staging)) {
        execute(c, s);
      }
      rows = staging != null ? staging.rows() : plan.rows();
    } else {
      if (existing.isEmpty()) {
        execute(c, Statements.createSchema(load.tableName().schemaOr(dialect)));
        execute(c, Statements.createTable(dialect, table, snap.columns(), RedshiftOptions.none()));
      }
      for (ColumnDef a : added) {
        execute(c, Statements.addColumn(dialect, table, a));
      }
      rows = move(c, moving, plan);
    }
    load.hook().accept("moved");
    for (String s : state.record(recorded, plan.version(), Instant.now(), plan.gone(), plan.added(),
        load.loadMode() == LoadMode.REPLACE)) {
      execute(c, s);
    }
    load.hook().accept("recorded");
    return new Loaded(rows, existing.isEmpty(), added.stream().map(ColumnDef::name).toList(), plan);
  }

  /** Deletes what is reloaded, then moves the plan's files (into a staging table first for a merge). */
  private long move(Connection c, Snapshot moving, LoadPlan plan) throws SQLException {
    if (plan.clearAll()) {
      execute(c, Statements.deleteAll(table));
    }
    for (Map<String, String> p : plan.clear()) {
      execute(c, Statements.deletePartition(dialect, table, snap.partitionColumns(), p));
    }
    if (load.loadMode() != LoadMode.MERGE) {
      return moveData(c, table, moving);
    }
    String stage = "lake_stage_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    execute(c, Statements.createStage(dialect, stage, snap.columns()));
    long rows = moveData(c, Sql.ident(stage), moving);
    for (String s : Statements.merge(table, stage, snap.columnNames(), load.keys())) {
      execute(c, s);
    }
    execute(c, Statements.dropStage(stage));
    return rows;
  }

  private long moveData(Connection c, String into, Snapshot moving) throws SQLException {
    return dialect == Dialect.POSTGRES ? PostgresCopy.copy(c, into, moving, load.hook())
        : DuckDbInsert.insert(c, into, moving, load.hook());
  }

  private boolean hasRows(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
      return rs.next();
    }
  }

  private List<Evolution.Existing> describe(Connection c) throws SQLException {
    List<Evolution.Existing> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(DESCRIBE)) {
      ps.setString(1, load.tableName().schemaOr(dialect));
      ps.setString(2, load.tableName().name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Evolution.Existing(rs.getString(1), rs.getString(2), "YES".equalsIgnoreCase(rs.getString(3)),
              rs.getObject(4, Integer.class), rs.getObject(5, Integer.class)));
        }
      }
    }
    return out;
  }

  /** The connection as a {@link LoadState.Tx}: SQL errors become {@link SinkException}s naming the statement. */
  private static LoadState.Tx tx(Connection c) {
    return new LoadState.Tx() {
      @Override
      public List<List<String>> query(String sql) {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
              row.add(rs.getString(i));
            }
            rows.add(row);
          }
        } catch (SQLException e) {
          throw new SinkException("warehouse", "Reading the load state failed: " + e.getMessage(), e);
        }
        return rows;
      }

      @Override
      public void execute(String sql) {
        try {
          JdbcLoader.execute(c, sql);
        } catch (SQLException e) {
          throw new SinkException("warehouse", "Recording the load failed: " + e.getMessage(), e);
        }
      }
    };
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
