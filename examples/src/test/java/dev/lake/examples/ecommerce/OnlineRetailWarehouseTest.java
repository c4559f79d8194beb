package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.sink.warehouse.Dialect;
import dev.lake.sink.warehouse.LoadMode;
import dev.lake.sink.warehouse.LoadReport;
import dev.lake.sink.warehouse.WarehouseLoad;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Online Retail lake loaded into the embedded default warehouse, DuckDB, through lake-redshift. */
class OnlineRetailWarehouseTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();

  @Test
  void onlineRetail_loadedIntoDuckDb_hasEveryRow(@TempDir Path dir) throws Exception {
    Lake lake = Lake.at(dir.resolve("lake").toString());
    OnlineRetail.pipeline(DATA.toUri(), lake).run();
    String url = "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");

    LoadReport r = WarehouseLoad.of(lake, OnlineRetail.DATASET).into(Dialect.DUCKDB, dataSource(url))
        .table("online_retail").mode(LoadMode.REPLACE).run();

    assertThat(r.rows()).isEqualTo(541_909);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT year * 100 + month) FROM online_retail")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(541_909);
      assertThat(rs.getLong(2)).isEqualTo(13); // December 2010 to December 2011
    }
  }

  /** A DataSource over DriverManager, each connection with extension downloads off. */
  private static DataSource dataSource(String url) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws java.sql.SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
          s.execute("SET autoinstall_known_extensions=false");
        }
        return c;
      }

      @Override
      public Connection getConnection(String user, String password) throws java.sql.SQLException {
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
      public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
        throw new java.sql.SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
