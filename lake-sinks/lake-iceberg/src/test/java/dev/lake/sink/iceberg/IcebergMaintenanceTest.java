package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.WriteMode;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.NamedSplits;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot expiry keeps the split ledger whole (a checkpoint file), so input committed in an expired snapshot is
 * still skipped; orphan removal deletes only what nothing references and only past the age guard.
 */
class IcebergMaintenanceTest {
  @TempDir
  Path dir;

  record Line(String split, int n) {}

  static final Map<String, List<Line>> SPLITS = new LinkedHashMap<>();

  static {
    for (int s = 0; s < 6; s++) {
      String name = "s" + s;
      SPLITS.put(name, IntStream.range(0, 10).mapToObj(n -> new Line(name, n)).toList());
    }
  }

  private static PipelineResult run(IcebergSink<Line> sink, List<String> splits) {
    return Pipeline.from(NamedSplits.of(SPLITS).only(splits)).named("lines").to(sink).run();
  }

  private static Map<String, Long> all(int n) {
    Map<String, Long> expected = new TreeMap<>();
    SPLITS.keySet().stream().limit(n).forEach(s -> expected.put(s, 10L));
    return expected;
  }

  @Test
  void expireSnapshots_keepsTheLedger_soExpiredInputIsStillSkipped() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    IcebergSink<Line> sink = catalog.<Line>table("t.lines").partitionBy("split");
    for (int s = 0; s < 5; s++) {
      run(sink, List.of("s" + s));
    }
    IcebergMaintenance maintenance = IcebergMaintenance.of(catalog, "t.lines");
    assertThat(maintenance.expireSnapshots(Instant.now().plusSeconds(1), 2)).isEqualTo(3);

    Table table = catalog.load("t.lines");
    assertThat(table.snapshots()).hasSize(2);
    assertThat(IcebergTableReader.countBy(table, "split")).isEqualTo(all(5));
    PipelineResult again = run(sink, List.copyOf(SPLITS.keySet()));
    assertThat(again.splitsSkipped()).isEqualTo(5);
    assertThat(IcebergTableReader.countBy(table, "split")).isEqualTo(all(6));

    // A second expiry folds the first checkpoint into the next one
    maintenance.expireSnapshots(Instant.now().plusSeconds(1), 1);
    assertThat(run(sink, List.copyOf(SPLITS.keySet())).splitsSkipped()).isEqualTo(6);
    assertThat(IcebergTableReader.countBy(table, "split")).isEqualTo(all(6));
  }

  @Test
  void expireSnapshots_afterAnOverwrite_deletesTheReplacedFilesFromDisk() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    IcebergSink<Line> sink = catalog.<Line>table("t.lines").partitionBy("split");
    run(sink, List.of("s0", "s1"));
    run(sink.mode(WriteMode.OVERWRITE), List.of("s2"));
    IcebergMaintenance.of(catalog, "t.lines").expireSnapshots(Instant.now().plusSeconds(1), 1);
    Table table = catalog.load("t.lines");
    assertThat(IcebergTableReader.filesOnDisk(table))
        .isEqualTo(IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(table)));
    // The overwrite replaced s0 and s1: appending them again adds them
    assertThat(run(sink, List.of("s0", "s2")).splitsSkipped()).isEqualTo(1);
  }

  @Test
  void removeOrphanFiles_deletesOldUnreferencedFilesOnly() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    IcebergSink<Line> sink = catalog.<Line>table("t.lines").partitionBy("split");
    run(sink, List.of("s0", "s1"));
    Table table = catalog.load("t.lines");
    Path data = Path.of(URI.create(table.location() + "/data"));
    Path old = Files.writeString(data.resolve("split=s0/part-killed-run-00000-00000.parquet"), "left by a kill");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path fresh = Files.writeString(data.resolve("split=s1/part-running-00000-00000.parquet"), "being written");
    // Every live file is old too: the age guard alone must not be what keeps them
    for (String live : IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(table))) {
      Files.setLastModifiedTime(Path.of(live), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    }

    List<URI> removed = IcebergMaintenance.of(catalog, "t.lines").removeOrphanFiles(Duration.ofDays(1));

    assertThat(removed).containsExactly(old.toUri());
    assertThat(fresh).exists();
    assertThat(IcebergTableReader.countBy(catalog.load("t.lines"), "split")).isEqualTo(all(2));
    assertThatThrownBy(() -> IcebergMaintenance.of(catalog, "t.lines").removeOrphanFiles(Duration.ofMinutes(5)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at least PT1H");
  }

  record Sale(String split, int n, java.time.LocalDateTime at, java.math.BigDecimal price, String note) {}

  @Test
  void compact_mergesEachPartitionsSmallFiles_sameRows_ledgerKept() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    IcebergSink<Sale> sink = catalog.<Sale>table("t.sales").partitionBy("split");
    Map<String, List<Sale>> days = new LinkedHashMap<>();
    for (int d = 0; d < 4; d++) {
      int day = d;
      days.put("day" + d, IntStream.range(0, 25).mapToObj(n -> new Sale(n % 2 == 0 ? "even" : "odd", day * 100 + n,
          java.time.LocalDateTime.of(2011, 12, 1 + day, 8, n), new java.math.BigDecimal("1." + n),
          n % 5 == 0 ? null : "n" + n)).toList());
    }
    for (String day : days.keySet()) {
      Pipeline.from(NamedSplits.of(days).only(List.of(day))).named("sales").to(sink).run();
    }
    Table table = catalog.load("t.sales");
    List<String> before = IcebergTableReader.dataFiles(table);
    java.util.Set<String> rowsBefore = new java.util.TreeSet<>();
    IcebergTableReader.rows(table).forEach(r -> rowsBefore.add(r.toString()));
    assertThat(before).hasSize(8);

    assertThat(IcebergMaintenance.of(catalog, "t.sales").compact(128L << 20)).isEqualTo(8);

    List<String> after = IcebergTableReader.dataFiles(table);
    assertThat(after).hasSize(2).allMatch(p -> p.contains("/compacted-"));
    java.util.Set<String> rowsAfter = new java.util.TreeSet<>();
    IcebergTableReader.rows(table).forEach(r -> rowsAfter.add(r.toString()));
    assertThat(rowsAfter).hasSize(100).isEqualTo(rowsBefore);
    assertThat(table.currentSnapshot().operation()).isEqualTo("replace");
    PipelineResult again = Pipeline.from(NamedSplits.of(days)).named("sales").to(sink).run();
    assertThat(again.splitsSkipped()).isEqualTo(4);
    // The compacted files carry field ids and bounds like any other
    try (var tasks = table.newScan().filter(org.apache.iceberg.expressions.Expressions.greaterThan("n", 1000))
        .planFiles()) {
      assertThat(tasks).isEmpty();
    }
  }

  record Wider(String split, int n, String extra) {}

  @Test
  void compact_binsByTargetSize_andLeavesAFileOfAnOlderSchema() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    IcebergSink<Line> sink = catalog.<Line>table("t.lines").partitionBy("split");
    for (int run = 0; run < 6; run++) {
      int r = run;
      Pipeline.from(NamedSplits.of(Map.of("r" + r, IntStream.range(0, 10).mapToObj(n -> new Line("s", r * 10 + n))
          .toList()))).named("lines").to(sink).run();
    }
    // A later run adds a column: its file has another schema than the six before it
    Pipeline.from(NamedSplits.of(Map.of("wide", List.of(new Wider("s", 100, "x"))))).named("wide")
        .to(catalog.<Wider>table("t.lines")).run();
    Table table = catalog.load("t.lines");
    java.util.Set<String> before = new java.util.TreeSet<>();
    IcebergTableReader.rows(table).forEach(r -> before.add(r.get("n") + "/" + r.get("split")));
    long smallest = IcebergTableReader.dataFiles(table).stream()
        .mapToLong(p -> Path.of(URI.create(p)).toFile().length()).min().orElseThrow();

    // A target of about three files' size: the six old-schema files go in two or more bins
    int replaced = IcebergMaintenance.of(catalog, "t.lines").compact(Math.max(1024, smallest * 3));

    List<String> after = IcebergTableReader.dataFiles(table);
    assertThat(replaced).isBetween(4, 6);
    assertThat(after.stream().filter(p -> p.contains("/compacted-")).count()).isGreaterThanOrEqualTo(2);
    assertThat(after).anyMatch(p -> !p.contains("/compacted-")); // the wider file, at least, is left
    java.util.Set<String> rowsAfter = new java.util.TreeSet<>();
    IcebergTableReader.rows(table).forEach(r -> rowsAfter.add(r.get("n") + "/" + r.get("split")));
    assertThat(rowsAfter).hasSize(61).isEqualTo(before);
  }
}
