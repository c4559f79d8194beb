package dev.lake.sink.warehouse;

import dev.lake.exceptions.SinkException;
import dev.lake.sink.warehouse.WarehouseLoad.Loaded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * A load over JDBC, in one transaction: describe the table, check the schema (before any data moves), create or
 * evolve the table, move the data (PostgreSQL: COPY FROM STDIN; DuckDB: read_parquet; Redshift: COPY from
 * manifests), then merge or replace, then commit. Any failure rolls everything back.
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
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Loaded loaded = load(c);
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
          + " v" + snap.manifest().version() + " into " + table + " failed and was rolled back: " + e.getMessage(),
          e);
    }
  }

  private Loaded load(Connection c) throws SQLException {
    List<Evolution.Existing> existing = describe(c);
    List<ColumnDef> added = existing.isEmpty() ? List.of()
        : Evolution.columnsToAdd(table, snap.dataset(), existing, snap.columns(), dialect);
    if (dialect == Dialect.REDSHIFT) {
      List<String> sql = new RedshiftLoader(load, snap).statements(existing.isEmpty(), added);
      for (String s : sql) {
        execute(c, s);
      }
      load.hook().run();
      return new Loaded(snap.manifest().rows(), existing.isEmpty(), added.stream().map(ColumnDef::name).toList());
    }
    if (existing.isEmpty()) {
      execute(c, Statements.createSchema(load.tableName().schemaOr(dialect)));
      execute(c, Statements.createTable(dialect, table, snap.columns(), RedshiftOptions.none()));
    }
    for (ColumnDef a : added) {
      execute(c, Statements.addColumn(dialect, table, a));
    }
    long rows;
    List<String> columns = snap.columnNames();
    switch (load.loadMode()) {
      case APPEND -> rows = moveData(c, table);
      case REPLACE -> {
        execute(c, Statements.deleteAll(table));
        rows = moveData(c, table);
      }
      default -> {
        String stage = "lake_stage_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute(c, Statements.createStage(dialect, stage, snap.columns()));
        rows = moveData(c, Sql.ident(stage));
        for (String s : Statements.merge(table, stage, columns, load.keys())) {
          execute(c, s);
        }
        execute(c, Statements.dropStage(stage));
      }
    }
    load.hook().run();
    return new Loaded(rows, existing.isEmpty(), added.stream().map(ColumnDef::name).toList());
  }

  private long moveData(Connection c, String into) throws SQLException {
    return dialect == Dialect.POSTGRES ? PostgresCopy.copy(c, into, snap) : DuckDbInsert.insert(c, into, snap);
  }

  private List<Evolution.Existing> describe(Connection c) throws SQLException {
    List<Evolution.Existing> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(DESCRIBE)) {
      ps.setString(1, load.tableName().schemaOr(dialect));
      ps.setString(2, load.tableName().name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Evolution.Existing(rs.getString(1), rs.getString(2), "YES".equalsIgnoreCase(rs.getString(3)),
              (Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class)));
        }
      }
    }
    return out;
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
