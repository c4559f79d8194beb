package dev.lake.loader.warehouse;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/** The load cases on DuckDB in process (one in-memory database per JVM; each connection a duplicate of the first). */
class DuckDbLoadTest extends WarehouseContract {
  private static DuckDBConnection root;

  /** The in-memory database every DuckDB test of this JVM shares, opened on first use. */
  private static synchronized DuckDBConnection root() throws SQLException {
    if (root == null) {
      root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = root.createStatement()) {
        s.execute("SET autoinstall_known_extensions=false");
        s.execute("SET autoload_known_extensions=false");
      }
    }
    return root;
  }

  @Test
  void run_s3Lake_downloadsEachPartitionLoadsItAndLeavesNoTemporaryFiles() throws Exception {
    MappedStore.register("duck", Files.createDirectories(dir.resolve("bucket")));
    Lake s3Lake = Lake.at("s3://duck/lake");
    List<Datasets.Sale> rows = Datasets.sales(0, 30, 1);
    Datasets.write(s3Lake, rows);
    long tempDirsBefore = stagingDirectories();

    LoadReport r = WarehouseLoad.of(s3Lake, "sales").into(dialect(), dataSource()).table(table).run();

    assertThat(r.rows()).isEqualTo(30);
    assertThat(count()).isEqualTo(30);
    assertThat((BigDecimal) one("SELECT sum(price) FROM " + Sql.ident(table)))
        .isEqualByComparingTo(rows.stream().map(Datasets.Sale::price).reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(one("SELECT count(*) FROM " + Sql.ident(table) + " WHERE country = 'France/Belgium'"))
        .isEqualTo(rows.stream().filter(s -> "France/Belgium".equals(s.country())).count());
    assertThat(stagingDirectories()).as("downloaded files are deleted").isEqualTo(tempDirsBefore);
  }

  private static long stagingDirectories() throws java.io.IOException {
    try (var s = Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("lake-duckdb-load-")).count();
    }
  }

  @Override
  Dialect dialect() {
    return Dialect.DUCKDB;
  }

  @Override
  DataSource dataSource() {
    return shared();
  }

  @Override
  String intType() {
    return "INTEGER NOT NULL";
  }

  @Override
  String textType() {
    return "VARCHAR";
  }

  /** Connections to the shared in-memory database (opened lazily: other tests only build statements with it). */
  static DataSource shared() {
    return JdbcDataSource.of(() -> root().duplicate());
  }
}
