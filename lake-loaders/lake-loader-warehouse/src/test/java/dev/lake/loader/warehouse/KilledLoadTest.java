package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scheduled load run three times and killed once (SIGKILL, in its own JVM, inside its open transaction) leaves
 * the table equal to the dataset, on a DuckDB file and on PostgreSQL: the killed load's rows and its record are
 * both gone, and the next run loads them once.
 */
class KilledLoadTest {
  /** Longer than a load takes on a busy 2-core machine; a child still going then is a hang. */
  static final Duration DEADLINE = Duration.ofMinutes(3);

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} killed at {1}")
  @CsvSource({"DUCKDB, moved", "DUCKDB, recorded", "POSTGRES, file 1", "POSTGRES, recorded"})
  void run_threeRunsOneKilled_tableEqualsTheDataset(Dialect dialect, String point) throws Exception {
    Lake lake = Lake.at(dir.resolve("lake").toUri());
    String url = dialect == Dialect.DUCKDB ? "jdbc:duckdb:" + dir.resolve("warehouse.duckdb")
        : SharedPostgres.get().getJdbcUrl("postgres", "postgres");
    String table = "killed_" + Long.toHexString(System.nanoTime());
    DataSource ds = dialect == Dialect.DUCKDB ? JdbcDataSource.of(url) : SharedPostgres.dataSource();
    Datasets.write(lake, Datasets.sales(0, 30, 0));
    WarehouseLoad.of(lake, "sales").into(dialect, ds).table(table).run(); // run 1
    List<Long> before = ids(ds, table);
    Datasets.append(lake, Datasets.sales(30, 45, 0));
    lake.compaction("sales").run(); // run 2 deletes and reloads partitions as well as adding rows
    Datasets.append(lake, Datasets.sales(45, 60, 0));

    killAt(lake, dialect, url, table, point); // run 2, killed

    assertThat(ids(ds, table)).isEqualTo(before).hasSize(30);
    LoadReport third = WarehouseLoad.of(lake, "sales").into(dialect, ds).table(table).run(); // run 3
    assertThat(third.previousVersion()).isEqualTo(1);
    assertThat(ids(ds, table)).isEqualTo(Datasets.ids(lake)).hasSize(60);
    assertThat(WarehouseLoad.of(lake, "sales").into(dialect, ds).table(table).run().upToDate()).isTrue();
  }

  /** Runs the load in a child JVM, waits until it reaches {@code point}, then kills it with SIGKILL. */
  private void killAt(Lake lake, Dialect dialect, String url, String table, String point)
      throws IOException, InterruptedException {
    killAt(dir, dir.resolve("lake").toString(), dialect, url, table, point);
  }

  /** Runs the load of {@code source} (see {@link KilledLoadChild}) in a child JVM and kills it at {@code point}. */
  static void killAt(Path dir, String source, Dialect dialect, String url, String table, String point)
      throws IOException, InterruptedException {
    Path marker = dir.resolve("reached-" + point.replace(' ', '-'));
    Path log = dir.resolve("child.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
        KilledLoadChild.class.getName(), source, dialect.name(), url, table, point,
        marker.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Instant giveUp = Instant.now().plus(DEADLINE);
      while (!Files.exists(marker)) {
        if (!child.isAlive() || Instant.now().isAfter(giveUp)) {
          throw new AssertionError("The load never reached " + point + ": " + Files.readString(log));
        }
        child.waitFor(20, TimeUnit.MILLISECONDS); // returns at once if the child ends
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    if (dialect == Dialect.POSTGRES) {
      awaitBackendGone(table); // the server notices the closed socket and rolls the transaction back
    }
  }

  /** PostgreSQL ends a dead client's backend when it reads the closed socket; wait for that, not for a time. */
  private static void awaitBackendGone(String table) throws InterruptedException {
    Instant giveUp = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(giveUp)) {
      try (Connection c = SharedPostgres.dataSource().getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
               + "AND query LIKE '%" + table + "%'")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return;
        }
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The killed load's backend is still there after " + DEADLINE);
  }

  private static List<Long> ids(DataSource ds, String table) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM " + Sql.ident(table) + " ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }
}
