package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SinkException;
import dev.lake.exceptions.ValidationException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same load cases against every JDBC warehouse (PostgreSQL, DuckDB). */
abstract class WarehouseContract {
  @TempDir
  Path dir;
  Lake lake;
  String table;

  abstract Dialect dialect();

  abstract DataSource dataSource();

  @BeforeEach
  void lake() {
    lake = Lake.at(dir.toUri());
    table = "sales_" + Long.toHexString(System.nanoTime());
  }

  WarehouseLoad load() {
    return WarehouseLoad.of(lake, "sales").into(dialect(), dataSource()).table(table);
  }

  long count(String qualified) throws SQLException {
    return (Long) ((Number) one("SELECT count(*) FROM " + qualified)).longValue();
  }

  long count() throws SQLException {
    return count(Sql.ident(table));
  }

  Object one(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  List<String> names() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT name FROM " + Sql.ident(table) + " ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void run_newTable_createsItAndLoadsEveryRowWithPartitionValues() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 100, 0));

    LoadReport r = load().run();

    assertThat(r.rows()).isEqualTo(100);
    assertThat(r.createdTable()).isTrue();
    assertThat(count()).isEqualTo(100);
    List<String> expected = Datasets.range(0, 100, i -> Datasets.NAMES[i % Datasets.NAMES.length]);
    assertThat(names()).isEqualTo(expected); // commas, quotes, newlines, backslashes, '' and null survive
    assertThat(one("SELECT country FROM " + Sql.ident(table) + " WHERE id = 4")).isEqualTo("France/Belgium");
    assertThat(one("SELECT count(*) FROM " + Sql.ident(table) + " WHERE country IS NULL").toString()).isEqualTo("33");
    assertThat(new BigDecimal(one("SELECT price FROM " + Sql.ident(table) + " WHERE id = 7").toString()))
        .isEqualByComparingTo("1.007");
    assertThat(one("SELECT CAST(day AS VARCHAR) FROM " + Sql.ident(table) + " WHERE id = 31")).isEqualTo("2011-02-01");
    assertThat(one("SELECT CAST(\"at\" AS VARCHAR) FROM " + Sql.ident(table) + " WHERE id = 1").toString())
        .startsWith("2011-01-01 08:27");
  }

  @Test
  void run_replace_readersSeeOldRowsUntilCommitThenNewOnes() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 100, 0));
    load().run();
    Datasets.write(lake, Datasets.sales(500, 530, 0));
    AtomicLong seenDuringLoad = new AtomicLong(-1);

    load().mode(LoadMode.REPLACE).beforeCommit(() -> {
      try {
        seenDuringLoad.set(count()); // another connection, while the load's transaction is open
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }).run();

    assertThat(seenDuringLoad.get()).isEqualTo(100);
    assertThat(count()).isEqualTo(30);
    assertThat(one("SELECT min(id) FROM " + Sql.ident(table)).toString()).isEqualTo("500");
  }

  @Test
  void run_merge_updatesMatchedKeysAndInsertsNewOnes() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 100, 0));
    load().run();
    Datasets.write(lake, Datasets.sales(90, 110, 1000));

    LoadReport r = load().mode(LoadMode.MERGE).mergeKeys("id").run();

    assertThat(r.rows()).isEqualTo(20);
    assertThat(count()).isEqualTo(110);
    assertThat(one("SELECT qty FROM " + Sql.ident(table) + " WHERE id = 95").toString()).isEqualTo("1095");
    assertThat(one("SELECT qty FROM " + Sql.ident(table) + " WHERE id = 5").toString()).isEqualTo("5");
  }

  @Test
  void run_newNullableColumn_addsItToTheTable() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 10, 0));
    load().run();
    Datasets.append(lake, Datasets.range(10, 15, i -> {
      Datasets.Sale s = Datasets.sale(i, i);
      return new Datasets.SaleV2(s.id(), s.name(), s.qty(), s.price(), s.day(), s.at(), s.country(), "note " + i);
    }));

    LoadReport r = load().run();

    assertThat(r.addedColumns()).containsExactly("note");
    assertThat(r.rows()).isEqualTo(5);
    assertThat(count()).isEqualTo(15);
    assertThat(one("SELECT count(note) FROM " + Sql.ident(table))).hasToString("5");
  }

  @Test
  void run_incompatibleTypeChange_failsBeforeAnyDataMovesNamingColumnAndTypes() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 10, 0));
    load().run();
    Datasets.write(lake, Datasets.range(0, 5, i -> {
      Datasets.Sale s = Datasets.sale(i, i);
      return new Datasets.SaleV3(s.id(), s.name(), "q" + i, s.price(), s.day(), s.at(), s.country());
    }));

    assertThatThrownBy(() -> load().run())
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("\"qty\"")
        .hasMessageContaining(intType())
        .hasMessageContaining(textType())
        .hasMessageContaining("nothing was loaded");
    assertThat(count()).isEqualTo(10);
  }

  @Test
  void run_droppedNotNullColumn_failsBeforeAnyDataMovesNamingIt() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 10, 0));
    load().run();
    Datasets.write(lake, Datasets.range(0, 5, i -> {
      Datasets.Sale s = Datasets.sale(i, i);
      return new Datasets.SaleV4(s.id(), s.name(), s.price(), s.day(), s.at(), s.country());
    }));

    assertThatThrownBy(() -> load().mode(LoadMode.REPLACE).run())
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("\"qty\"")
        .hasMessageContaining(intType())
        .hasMessageContaining("no longer has it");
    assertThat(count()).isEqualTo(10);
  }

  @Test
  void run_failureAfterDataMoved_rollsEverythingBack() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 10, 0));
    load().run();
    Datasets.write(lake, Datasets.sales(100, 150, 0));

    assertThatThrownBy(() -> load().mode(LoadMode.REPLACE).beforeCommit(() -> {
      throw new SinkException("test", "forced failure halfway", null);
    }).run()).hasMessageContaining("forced failure halfway");

    assertThat(count()).isEqualTo(10);
    assertThat(one("SELECT max(id) FROM " + Sql.ident(table)).toString()).isEqualTo("9");
  }

  @Test
  void run_hostileSchemaAndTableNames_areQuoted() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 12, 0));
    String schema = "a\"b";
    String name = "x'; drop table t;--";

    WarehouseLoad.of(lake, "sales").into(dialect(), dataSource()).table(schema, name).run();
    WarehouseLoad.of(lake, "sales").into(dialect(), dataSource()).table(schema, name).mode(LoadMode.MERGE)
        .mergeKeys("id").run();

    assertThat(count(Sql.ident(schema) + "." + Sql.ident(name))).isEqualTo(12);
  }

  @Test
  void run_mergeWithoutKeys_failsBeforeAnyIo() {
    assertThatThrownBy(() -> load().mode(LoadMode.MERGE).run())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(".mergeKeys(");
  }

  @Test
  void run_unknownMergeKey_namesTheColumns() {
    Datasets.write(lake, Datasets.sales(0, 3, 0));
    assertThatThrownBy(() -> load().mode(LoadMode.MERGE).mergeKeys("nope").run())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'nope'");
  }

  abstract String intType();

  abstract String textType();
}
