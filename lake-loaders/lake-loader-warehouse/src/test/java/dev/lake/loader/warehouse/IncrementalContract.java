package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.CompactionResult;
import dev.lake.Lake;
import dev.lake.exceptions.SinkException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Incremental, recorded loads against every JDBC warehouse: an APPEND adds only the files committed since the last
 * load, replays nothing when up to date, follows compactions, overwrites and expired versions, and a load
 * interrupted at any point and run again leaves every row of the dataset once.
 */
abstract class IncrementalContract {
  @TempDir
  Path dir;
  Lake lake;
  String table;

  abstract Dialect dialect();

  abstract DataSource dataSource();

  @BeforeEach
  void lake() {
    lake = Lake.at(dir.toUri());
    table = "inc_" + Long.toHexString(System.nanoTime());
  }

  WarehouseLoad load() {
    return WarehouseLoad.of(lake, "sales").into(dialect(), dataSource()).table(table);
  }

  /** The table's ids, sorted: equal to {@link Datasets#ids} when it holds every row of the dataset once. */
  List<Long> tableIds() throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM " + Sql.ident(table) + " ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  long recordedVersion() throws SQLException {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT version FROM " + Sql.ident(dialect().defaultSchema())
             + ".lake_loads WHERE target_table = '" + Sql.ident(dialect().defaultSchema()) + "." + Sql.ident(table)
             + "'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  @Test
  void run_sameVersionTwice_secondLoadsNothingAndSaysUpToDate() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 40, 0));
    load().run();

    LoadReport second = load().run();

    assertThat(second.upToDate()).isTrue();
    assertThat(second.rows()).isZero();
    assertThat(second.summary()).contains("up to date");
    assertThat(tableIds()).isEqualTo(Datasets.ids(lake)).hasSize(40);
  }

  @Test
  void run_newCommits_appendAddsOnlyTheirFilesAndRecordsTheVersion() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 30, 0));
    LoadReport first = load().run();
    Datasets.append(lake, Datasets.sales(30, 50, 0));
    Datasets.append(lake, Datasets.sales(50, 60, 0));

    LoadReport r = load().run();

    assertThat(r.previousVersion()).isEqualTo(first.version());
    assertThat(r.version()).isEqualTo(first.version() + 2);
    assertThat(r.rows()).isEqualTo(30);
    assertThat(r.reloadedPartitions()).isZero();
    assertThat(r.summary()).contains("since v" + first.version());
    assertThat(tableIds()).isEqualTo(Datasets.ids(lake)).hasSize(60);
    assertThat(recordedVersion()).isEqualTo(r.version());
  }

  @Test
  void run_compactionSinceLastLoad_reloadsItsPartitionsOnce() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 30, 0));
    Datasets.append(lake, Datasets.sales(30, 45, 0));
    load().run();
    Datasets.append(lake, Datasets.sales(45, 60, 0)); // not loaded yet: compacted together with loaded files
    CompactionResult compacted = lake.compaction("sales").run();
    assertThat(compacted.committed()).isTrue();

    LoadReport r = load().run();

    assertThat(r.reloadedPartitions()).isEqualTo(3);
    assertThat(tableIds()).isEqualTo(Datasets.ids(lake)).hasSize(60);
    assertThat(load().run().upToDate()).isTrue();
  }

  @Test
  void run_overwriteSinceLastLoad_tableFollowsTheDataset() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 30, 0));
    load().run();
    Datasets.write(lake, Datasets.sales(100, 112, 0));

    LoadReport r = load().run();

    assertThat(r.rows()).isEqualTo(12);
    assertThat(tableIds()).isEqualTo(Datasets.ids(lake)).hasSize(12);
  }

  @Test
  void run_lastLoadedVersionExpired_addsOnlyTheNewFiles() throws Exception {
    Datasets.write(lake, Datasets.sales(0, 30, 0));
    LoadReport first = load().run();
    for (int i = 0; i < 3; i++) {
      Datasets.append(lake, Datasets.sales(30 + 10 * i, 40 + 10 * i, 0));
    }
    lake.expiry("sales").retainLast(1).olderThan(Duration.ZERO).run();
    assertThat(lake.history("sales")).hasSize(1); // the version loaded is gone

    LoadReport r = load().run();

    assertThat(r.previousVersion()).isEqualTo(first.version());
    assertThat(r.rows()).isEqualTo(30);
    assertThat(tableIds()).isEqualTo(Datasets.ids(lake)).hasSize(60);
  }

  @ParameterizedTest
  @ValueSource(strings = {"planned", "file 0", "file 1", "moved", "recorded"})
  void run_interruptedAtAnyPoint_leavesTheTableAsItWasAndTheNextRunLoadsEveryRowOnce(String point)
      throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 30, 0));
    Datasets.append(lake, Datasets.sales(30, 45, 0));
    load().run();
    List<Long> before = tableIds();
    long recorded = recordedVersion();
    Datasets.append(lake, Datasets.sales(45, 60, 0));
    lake.compaction("sales").run(); // the next load deletes and reloads partitions, and records it all
    Datasets.append(lake, Datasets.sales(60, 70, 0));

    assertThatThrownBy(() -> load().at(p -> {
      if (p.equals(point)) {
        throw new SinkException("test", "interrupted at " + p, null);
      }
    }).run()).hasMessageContaining("interrupted at " + point);
    assertThat(tableIds()).isEqualTo(before);
    assertThat(recordedVersion()).isEqualTo(recorded);

    load().run();

    assertThat(tableIds()).isEqualTo(Datasets.ids(lake)).hasSize(70);
    assertThat(load().run().upToDate()).isTrue();
  }

  @Test
  void run_appendIntoATableWithUnrecordedRows_refusesAndReplaceAdoptsIt() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 10, 0));
    load().run();
    try (Connection c = dataSource().getConnection()) {
      JdbcLoader.execute(c, "DELETE FROM " + Sql.ident(dialect().defaultSchema()) + ".lake_loads");
    }

    assertThatThrownBy(() -> load().run())
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("holds rows but no record of loading")
        .hasMessageContaining("LoadMode.REPLACE");
    assertThat(tableIds()).hasSize(10);

    load().mode(LoadMode.REPLACE).run();
    Datasets.append(lake, Datasets.sales(10, 15, 0));
    assertThat(load().run().rows()).isEqualTo(5);
    assertThat(tableIds()).isEqualTo(Datasets.ids(lake)).hasSize(15);
  }

  @Test
  void run_mergeTwice_secondIsUpToDateAndANewCommitMergesOnlyItsFiles() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 20, 0));
    load().mode(LoadMode.MERGE).mergeKeys("id").run();
    assertThat(load().mode(LoadMode.MERGE).mergeKeys("id").run().upToDate()).isTrue();
    Datasets.append(lake, Datasets.sales(20, 25, 0));

    LoadReport r = load().mode(LoadMode.MERGE).mergeKeys("id").run();

    assertThat(r.rows()).isEqualTo(5);
    assertThat(tableIds()).isEqualTo(Datasets.ids(lake));
  }
}
