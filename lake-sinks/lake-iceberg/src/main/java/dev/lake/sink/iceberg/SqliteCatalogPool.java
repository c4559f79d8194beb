package dev.lake.sink.iceberg;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetProvider;
import org.apache.iceberg.jdbc.JdbcClientPool;

/**
 * The JDBC catalog's connection pool for SQLite, with one fix. Iceberg's {@code JdbcCatalog} (1.10) checks for its
 * tables and columns with {@code DatabaseMetaData.getTables(...).next()} and {@code getColumns(...).next()} and never
 * closes those result sets. On SQLite an unfinished statement keeps its connection's transaction open: in autocommit
 * mode every later write on that connection stays uncommitted (other processes never see the commit, and it is rolled
 * back when the process ends), and the open read blocks or blinds other connections. Here every metadata result set
 * is read whole into memory and closed at once, so each statement ends when it returns.
 *
 * <pre>{@code
 * JdbcCatalog catalog = new JdbcCatalog(null, props -> new SqliteCatalogPool(2, url, props), true);
 * }</pre>
 */
final class SqliteCatalogPool extends JdbcClientPool {
  SqliteCatalogPool(int poolSize, String url, Map<String, String> properties) {
    super(poolSize, url, properties);
  }

  @Override
  protected Connection newClient() {
    Connection connection = super.newClient();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        forward(connection, (method, args) -> method.getName().equals("getMetaData")
            ? metadata(connection.getMetaData()) : null));
  }

  private static DatabaseMetaData metadata(DatabaseMetaData meta) {
    return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
        new Class<?>[] {DatabaseMetaData.class}, forward(meta, (method, args) -> {
          if (method.getReturnType() != ResultSet.class) {
            return null;
          }
          try (ResultSet rs = (ResultSet) invoke(meta, method, args)) {
            CachedRowSet copy = RowSetProvider.newFactory().createCachedRowSet();
            copy.populate(rs);
            return copy;
          }
        }));
  }

  /** A call the proxy answers itself, or null to forward it to the target. */
  private interface Answer {
    Object call(Method method, Object[] args) throws Exception;
  }

  private static InvocationHandler forward(Object target, Answer override) {
    return (proxy, method, args) -> {
      Object own = override.call(method, args);
      return own != null ? own : invoke(target, method, args);
    };
  }

  private static Object invoke(Object target, Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
