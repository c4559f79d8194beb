package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.loader.warehouse.Dialect;
import dev.lake.loader.warehouse.JdbcDataSource;
import dev.lake.loader.warehouse.LoadMode;
import dev.lake.loader.warehouse.LoadReport;
import dev.lake.loader.warehouse.WarehouseLoad;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Online Retail lake loaded into the embedded default warehouse, DuckDB, through lake-loader-warehouse. */
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
    return JdbcDataSource.of(url, "SET autoinstall_known_extensions=false");
  }
}
