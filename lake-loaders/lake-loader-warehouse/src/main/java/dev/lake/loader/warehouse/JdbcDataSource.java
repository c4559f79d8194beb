package dev.lake.loader.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The smallest {@link DataSource} {@link WarehouseLoad} can take: connections from a JDBC URL through
 * {@link DriverManager} (or from any supplier), each optionally prepared by a few statements. Use a pooled data source
 * in a long-running service; this one is for command-line tools, tests and embedded databases.
 *
 * <pre>{@code
 * import javax.sql.DataSource;
 * DataSource duck = JdbcDataSource.of("jdbc:duckdb:./warehouse.duckdb", "SET autoinstall_known_extensions=false");
 * WarehouseLoad.of(lake, "online_retail").into(Dialect.DUCKDB, duck).run();
 * }</pre>
 */
public final class JdbcDataSource implements DataSource {
  /** Opens one connection. */
  @FunctionalInterface
  public interface ConnectionSupplier {
    Connection get() throws SQLException;
  }

  private final ConnectionSupplier connections;
  private final List<String> onConnect;

  private JdbcDataSource(ConnectionSupplier connections, List<String> onConnect) {
    this.connections = connections;
    this.onConnect = onConnect;
  }

  /** Connections to {@code url}, each running {@code onConnect} first (e.g. session settings). */
  public static JdbcDataSource of(String url, String... onConnect) {
    Objects.requireNonNull(url, "url");
    return new JdbcDataSource(() -> DriverManager.getConnection(url), List.of(onConnect));
  }

  /** Connections from {@code connections} (e.g. duplicates of one in-memory DuckDB connection). */
  public static JdbcDataSource of(ConnectionSupplier connections) {
    return new JdbcDataSource(Objects.requireNonNull(connections, "connections"), List.of());
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = connections.get();
    if (!onConnect.isEmpty()) {
      try (Statement s = c.createStatement()) {
        for (String sql : onConnect) {
          s.execute(sql);
        }
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  /** The same as {@link #getConnection()}: credentials belong in the URL or the supplier. */
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
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("JdbcDataSource wraps no " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
