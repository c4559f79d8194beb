package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.testing.InMemorySource;
import dev.lake.sink.iceberg.IcebergCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lake ls}, {@code show}, {@code query} and {@code chart} over real Iceberg tables written by IcebergSink: an
 * upserted table (equality and position deletes applied), time travel to its first snapshot, and an appended table
 * whose column was renamed (matched by field id); next to a lake, found in {@code <lake>/iceberg}.
 */
class IcebergTablesCliTest {
  @TempDir
  static Path dir;
  static String warehouse;
  static long first;

  record Line(String invoice, int line, String item, int quantity, int month) {}

  record Sale(String country, long cents) {}

  private static void upsert(IcebergCatalog catalog, String split, Line... lines) {
    Pipeline.from(InMemorySource.of(split, List.of(lines))).named("invoices").withParallelism(1)
        .to(catalog.<Line>table("shop.invoice_lines").partitionBy("month").upsertBy("invoice", "line", "month"))
        .run();
  }

  @BeforeAll
  static void tables() {
    Path lakeRoot = dir.resolve("lake");
    Pipeline.from(InMemorySource.of("users", List.of(new Sale("FR", 1)))).named("users")
        .to(Lake.at(lakeRoot.toString()).processed("users")).run();
    warehouse = lakeRoot.resolve("iceberg").toString();
    IcebergCatalog catalog = IcebergCatalog.local(warehouse);
    upsert(catalog, "day1", new Line("536365", 1, "mug", 6, 12), new Line("536365", 2, "lantern", 8, 12));
    first = catalog.load("shop.invoice_lines").currentSnapshot().snapshotId();
    // a quantity corrected (equality delete), a line added, and a key twice in one run (position delete)
    upsert(catalog, "day2", new Line("536365", 2, "lantern", 3, 12), new Line("536366", 1, "bowl", 1, 1),
        new Line("536366", 1, "bowl", 4, 1));
    Pipeline.from(InMemorySource.of("sales", List.of(new Sale("FR", 250), new Sale("UK", 100),
        new Sale("UK", 50)))).named("sales").to(catalog.<Sale>table("retail.sales")).run();
    Table sales = catalog.load("retail.sales");
    sales.updateSchema().renameColumn("cents", "amount_cents").addColumn("note", Types.StringType.get()).commit();
  }

  @Test
  void query_upsertedTable_showsOneRowPerKeyWithDeletesApplied() {
    String out = lake("query", "--warehouse", warehouse, "--lake", dir.resolve("none").toString(), "-f", "csv",
        "SELECT invoice, line, quantity FROM shop.invoice_lines ORDER BY ALL").ok().out();
    assertThat(out.lines()).containsExactly("invoice,line,quantity", "536365,1,6", "536365,2,3", "536366,1,4");
  }

  @Test
  void query_snapshot_readsTheFirstSnapshot() {
    String out = lake("query", "--warehouse", warehouse, "--snapshot", String.valueOf(first), "-f", "csv",
        "--lake", dir.resolve("none").toString(),
        "SELECT invoice, line, quantity FROM shop.invoice_lines ORDER BY ALL").ok().out();
    assertThat(out.lines()).containsExactly("invoice,line,quantity", "536365,1,6", "536365,2,8");
  }

  @Test
  void query_nextToALake_findsTheWarehouseAndMatchesRenamedColumnsByFieldId() {
    String out = lake("query", "--lake", dir.resolve("lake").toString(), "-f", "csv",
        "SELECT s.country, sum(s.amount_cents) AS cents, count(s.note) AS notes, count(u.country) AS users "
            + "FROM retail.sales s LEFT JOIN users u USING (country) GROUP BY ALL ORDER BY 1").ok().out();
    assertThat(out.lines()).containsExactly("country,cents,notes,users", "FR,250,0,1", "UK,150,0,0");
  }

  @Test
  void ls_listsTablesWithRowsAfterDeletes() {
    String out = lake("ls", dir.resolve("lake").toString()).ok().out();
    assertThat(out).contains("processed  users");
    assertThat(out).containsPattern("Iceberg warehouse file:.*/iceberg/?: 2 tables, 6 rows");
    assertThat(out.lines().filter(l -> l.startsWith("shop.invoice_lines")).findFirst().orElseThrow())
        .matches("shop\\.invoice_lines +\\d+ +2 +3 +3 +2 .*");
    assertThat(out.lines().filter(l -> l.startsWith("retail.sales")).findFirst().orElseThrow())
        .matches("retail\\.sales +\\d+ +3 +1 +0 .*");
  }

  @Test
  void show_tableAndFirstSnapshot() {
    String out = lake("show", "shop.invoice_lines", "--warehouse", warehouse, "--lake",
        dir.resolve("none").toString()).ok().out();
    assertThat(out).contains("(newest)").contains(": 3 rows, 3 data files, 2 delete files")
        .contains("Partitioned by month: 2 partitions").contains("month: 1, 12 (2 values)")
        .contains("Sample rows (3, deletes applied)").contains("Snapshots (2):");
    String then = lake("show", "shop.invoice_lines", "--warehouse", warehouse, "--snapshot", String.valueOf(first),
        "--lake", dir.resolve("none").toString()).ok().out();
    assertThat(then).contains("snapshot " + first + ", committed").contains(": 2 rows, 1 data file, 0 delete files")
        .contains("Sample rows (2, deletes applied)");
    assertThat(then.lines().filter(l -> l.contains("<- shown")).findFirst().orElseThrow()).contains(
        String.valueOf(first));
  }

  @Test
  void chart_icebergView() throws Exception {
    Path png = dir.resolve("q.png");
    assertThat(lake("chart", "--warehouse", warehouse, "--lake", dir.resolve("none").toString(),
        "SELECT invoice, sum(quantity) AS quantity FROM shop.invoice_lines GROUP BY ALL ORDER BY 1", "--out",
        png.toString()).ok().out()).contains("bar chart of 2 rows (quantity by invoice)");
    assertThat(Files.size(png)).isPositive();
  }

  @Test
  void unknownSnapshot_andUnknownTable_areErrorsWithTheFix() {
    TestLakes.Result snap = lake("query", "--warehouse", warehouse, "--snapshot", "42", "SELECT 1");
    assertThat(snap.status()).isEqualTo(2);
    assertThat(snap.err()).contains("--snapshot 42: no Iceberg table in the warehouse has this snapshot")
        .contains("lake iceberg snapshots");
    TestLakes.Result table = lake("show", "shop.invoice_line", "--warehouse", warehouse, "--lake",
        dir.resolve("none").toString());
    assertThat(table.status()).isEqualTo(2);
    assertThat(table.err()).contains("No Iceberg table shop.invoice_line").contains("shop.invoice_lines");
  }
}
