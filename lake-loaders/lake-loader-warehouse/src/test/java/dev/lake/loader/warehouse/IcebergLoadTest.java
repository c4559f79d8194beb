package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.loader.warehouse.IcebergTables.Line;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Iceberg snapshots loaded into PostgreSQL and DuckDB through {@code WarehouseLoad.of(TableSnapshot)}: appends
 * load only the new data files, an upserted table reloads with its deletes applied, a second run loads nothing, and
 * a load that fails midway leaves the table as it was.
 */
class IcebergLoadTest {
  @TempDir
  Path dir;

  private DataSource dataSource(Dialect dialect) {
    return dialect == Dialect.DUCKDB ? JdbcDataSource.of("jdbc:duckdb:" + dir.resolve("w.duckdb"))
        : SharedPostgres.dataSource();
  }

  private static String table() {
    return "iceberg_" + Long.toHexString(System.nanoTime());
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"POSTGRES", "DUCKDB"})
  void append_loadsOnlyNewFiles_andASecondRunNothing(Dialect dialect) throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("iceberg").toString());
    DataSource ds = dataSource(dialect);
    String table = table();
    IcebergTables.append(catalog, "day1", IcebergTables.lines(0, 20, 1));
    LoadReport first = WarehouseLoad.of(IcebergTables.newest(catalog, "shop.sales")).into(dialect, ds).table(table)
        .run();
    assertThat(first.rows()).isEqualTo(20);
    IcebergTables.append(catalog, "day2", IcebergTables.lines(20, 30, 2));
    LoadReport second = WarehouseLoad.of(IcebergTables.newest(catalog, "shop.sales")).into(dialect, ds).table(table)
        .run();
    assertThat(second.rows()).isEqualTo(10);
    assertThat(second.files()).isEqualTo(2); // day2's rows in its two month partitions, nothing of day1
    assertThat(IcebergTables.warehouse(ds, table)).isEqualTo(IcebergTables.table(catalog, "shop.sales"))
        .hasSize(30);
    assertThat(WarehouseLoad.of(IcebergTables.newest(catalog, "shop.sales")).into(dialect, ds).table(table).run()
        .upToDate()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"POSTGRES", "DUCKDB"})
  void upsertedTable_reloadsWithDeletesApplied_oneRowPerKey(Dialect dialect) throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("iceberg").toString());
    DataSource ds = dataSource(dialect);
    String table = table();
    IcebergTables.upsert(catalog, "day1", IcebergTables.lines(0, 20, 1));
    WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds).table(table).run();
    // changed quantities for half the keys, five new keys, and one key twice in the same run
    List<Line> changes = new java.util.ArrayList<>(IcebergTables.lines(10, 25, 7));
    changes.add(new Line("inv24", 0, "item 24", 9, 1));
    IcebergTables.upsert(catalog, "day2", changes);
    WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds).table(table).run();

    Map<String, Long> rows = IcebergTables.warehouse(ds, table);
    assertThat(rows).isEqualTo(IcebergTables.table(catalog, "shop.lines")).hasSize(25);
    assertThat(rows).containsEntry("inv0/0", 1L).containsEntry("inv10/1", 7L).containsEntry("inv24/0", 9L);
    assertThat(WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds).table(table).run()
        .upToDate()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"POSTGRES", "DUCKDB"})
  void loadFailingMidway_leavesTheTable_andTheNextRunLoadsEveryRowOnce(Dialect dialect) throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("iceberg").toString());
    DataSource ds = dataSource(dialect);
    String table = table();
    IcebergTables.upsert(catalog, "day1", IcebergTables.lines(0, 20, 1));
    WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds).table(table).run();
    Map<String, Long> before = IcebergTables.warehouse(ds, table);
    IcebergTables.upsert(catalog, "day2", IcebergTables.lines(15, 30, 5));
    assertThatThrownBy(() -> WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds)
        .table(table).at(point -> {
          if (point.equals("file 1")) {
            throw new IllegalStateException("failed after file 1");
          }
        }).run()).hasMessageContaining("failed after file 1");
    assertThat(IcebergTables.warehouse(ds, table)).isEqualTo(before);
    WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(dialect, ds).table(table).run();
    assertThat(IcebergTables.warehouse(ds, table)).isEqualTo(IcebergTables.table(catalog, "shop.lines"))
        .hasSize(30);
  }

  @org.junit.jupiter.api.Test
  void redshift_withoutStaging_isRefusedNamingTheFix() {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("iceberg").toString());
    IcebergTables.append(catalog, "day1", IcebergTables.lines(0, 2, 1));
    assertThatThrownBy(() -> WarehouseLoad.of(IcebergTables.newest(catalog, "shop.sales"))
        .into(Dialect.REDSHIFT, SharedPostgres.dataSource()).table("sales").iamRole("arn:aws:iam::1:role/r").run())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Loading iceberg shop.sales into Redshift stages its rows")
        .hasMessageContaining(".staging(\"s3://bucket/prefix\")");
    assertThatThrownBy(() -> WarehouseLoad.of(IcebergTables.newest(catalog, "shop.sales"))
        .into(Dialect.DUCKDB, dataSource(Dialect.DUCKDB)).table("sales").staging("s3://b/lake").run())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("staging(s3://b/lake/) is for Redshift loads of a table snapshot");
  }
}
