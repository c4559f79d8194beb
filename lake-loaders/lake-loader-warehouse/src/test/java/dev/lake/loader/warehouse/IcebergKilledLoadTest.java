package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.sink.iceberg.IcebergCatalog;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A load of an upserted Iceberg table killed with SIGKILL inside its transaction (a child JVM), on a DuckDB file and
 * on PostgreSQL: the table keeps the previous load's rows, and the next run leaves every row of the newest snapshot
 * once, deletes applied.
 */
class IcebergKilledLoadTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} killed at {1}")
  @CsvSource({"DUCKDB, file 1", "POSTGRES, file 1", "POSTGRES, recorded"})
  void run_killedThenRunAgain_everyRowOnce(Dialect dialect, String point) throws Exception {
    String warehouse = dir.resolve("iceberg").toString();
    IcebergCatalog catalog = IcebergCatalog.local(warehouse);
    String url = dialect == Dialect.DUCKDB ? "jdbc:duckdb:" + dir.resolve("warehouse.duckdb")
        : SharedPostgres.get().getJdbcUrl("postgres", "postgres");
    DataSource ds = dialect == Dialect.DUCKDB ? JdbcDataSource.of(url) : SharedPostgres.dataSource();
    String table = "killed_ice_" + Long.toHexString(System.nanoTime());
    IcebergTables.upsert(catalog, "day1", IcebergTables.lines(0, 20, 1));
    WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds).table(table).run();
    Map<String, Long> before = IcebergTables.warehouse(ds, table);
    IcebergTables.upsert(catalog, "day2", IcebergTables.lines(15, 30, 5));

    KilledLoadTest.killAt(dir, "iceberg:" + warehouse + ":shop.lines", dialect, url, table, point);

    assertThat(IcebergTables.warehouse(ds, table)).isEqualTo(before).hasSize(20);
    WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds).table(table).run();
    assertThat(IcebergTables.warehouse(ds, table)).isEqualTo(IcebergTables.table(catalog, "shop.lines"))
        .hasSize(30);
    assertThat(WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds).table(table).run()
        .upToDate()).isTrue();
  }
}
