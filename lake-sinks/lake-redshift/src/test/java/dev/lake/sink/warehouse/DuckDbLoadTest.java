package dev.lake.sink.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The load cases on DuckDB in process (one in-memory database; each connection a duplicate of the first). */
class DuckDbLoadTest extends WarehouseContract {
  private static DuckDBConnection root;

  @BeforeAll
  static void open() throws SQLException {
    root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = root.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
      s.execute("SET autoload_known_extensions=false");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    root.close();
  }

  @Override
  Dialect dialect() {
    return Dialect.DUCKDB;
  }

  @Override
  DataSource dataSource() {
    return new Duplicating();
  }

  @Override
  String intType() {
    return "INTEGER NOT NULL";
  }

  @Override
  String textType() {
    return "VARCHAR";
  }

  /** A DataSource over the shared in-memory database. */
  static final class Duplicating implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return root.duplicate();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
