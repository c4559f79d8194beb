package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.WriteMode;
import dev.lake.exceptions.SchemaException;
import dev.lake.io.NamedSplits;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergSinkTest {
  @TempDir
  Path dir;

  record Line(String split, int n, double amount, LocalDate day, String note) {}

  record Wider(String split, int n, double amount, LocalDate day, String note, String extra) {}

  record Clash(String split, String n) {}

  static final Map<String, List<Line>> SPLITS = new LinkedHashMap<>();

  static {
    for (int s = 0; s < 6; s++) {
      String name = "s" + s;
      SPLITS.put(name, IntStream.range(0, 40).mapToObj(n -> new Line(name, n, n * 1.5,
          LocalDate.of(2011, 1 + n % 12, 1), n % 3 == 0 ? null : "note " + n)).toList());
    }
  }

  private IcebergSink<Line> sink(IcebergCatalog catalog) {
    return catalog.<Line>table("retail.lines").partitionBy("split");
  }

  private static PipelineResult run(IcebergSink<Line> sink, List<String> splits, int parallelism) {
    return Pipeline.from(NamedSplits.of(SPLITS).only(splits)).named("lines").withParallelism(parallelism)
        .to(sink).run();
  }

  @Test
  void append_createsTheTable_andEveryRowIsReadBackThroughIcebergsScanPlanning() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("warehouse").toString());
    PipelineResult r = run(sink(catalog), List.of("s0", "s1", "s2"), 2);

    assertThat(r.rowsWritten()).isEqualTo(120);
    Table table = catalog.load("retail.lines");
    assertThat(table.spec().fields()).extracting(f -> f.name()).containsExactly("split");
    assertThat(((org.apache.iceberg.HasTableOperations) table).operations().current().formatVersion()).isEqualTo(2);
    assertThat(IcebergTableReader.countBy(table, "split")).isEqualTo(Map.of("s0", 40L, "s1", 40L, "s2", 40L));
    Snapshot snapshot = table.currentSnapshot();
    assertThat(snapshot.summary()).containsEntry(SnapshotLedger.RUN, r.runId());
    assertThat(SnapshotLedger.splits(snapshot.summary())).containsExactlyInAnyOrder("split:s0", "split:s1",
        "split:s2");
  }

  @Test
  void dataFiles_carryFieldIdsAndColumnMetrics_soThatEnginesCanPrune() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("warehouse").toString());
    run(sink(catalog), List.of("s0"), 1);
    Table table = catalog.load("retail.lines");
    Types.NestedField n = table.schema().findField("n");
    Types.NestedField note = table.schema().findField("note");
    Types.NestedField day = table.schema().findField("day");
    try (CloseableIterable<FileScanTask> tasks = table.newScan().includeColumnStats().planFiles()) {
      DataFile file = tasks.iterator().next().file();
      assertThat(file.recordCount()).isEqualTo(40);
      assertThat(file.valueCounts()).containsEntry(n.fieldId(), 40L);
      assertThat(file.nullValueCounts()).containsEntry(note.fieldId(), 14L).containsEntry(n.fieldId(), 0L);
      assertThat((Integer) Conversions.fromByteBuffer(n.type(), file.lowerBounds().get(n.fieldId()))).isZero();
      assertThat((Integer) Conversions.fromByteBuffer(n.type(), file.upperBounds().get(n.fieldId()))).isEqualTo(39);
      ByteBuffer dayMax = file.upperBounds().get(day.fieldId());
      assertThat((Integer) Conversions.fromByteBuffer(day.type(), dayMax))
          .isEqualTo((int) LocalDate.of(2011, 12, 1).toEpochDay());
      assertThat(file.columnSizes()).containsKey(n.fieldId());
    }
    // A filter on a bound prunes: no file holds n > 100
    try (CloseableIterable<FileScanTask> tasks = table.newScan()
        .filter(org.apache.iceberg.expressions.Expressions.greaterThan("n", 100)).planFiles()) {
      assertThat(tasks).isEmpty();
    }
  }

  @Test
  void rerun_overTheSameAndOverlappingInput_addsEverySplitOnce() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("warehouse").toString());
    run(sink(catalog), List.of("s0", "s1"), 2);
    PipelineResult again = run(sink(catalog), List.of("s0", "s1"), 1);
    PipelineResult overlap = run(sink(catalog), List.of("s1", "s2", "s3"), 3);

    assertThat(again.splitsSkipped()).isEqualTo(2);
    assertThat(again.rowsWritten()).isZero();
    assertThat(again.summary()).contains("unchanged (nothing to commit, still v1)");
    assertThat(overlap.splitsSkipped()).isEqualTo(1);
    Table table = catalog.load("retail.lines");
    assertThat(IcebergTableReader.countBy(table, "split"))
        .isEqualTo(Map.of("s0", 40L, "s1", 40L, "s2", 40L, "s3", 40L));
    assertThat(table.snapshots()).hasSize(2); // the second run committed nothing
  }

  @Test
  void overwrite_replacesTheWholeTable_inOneSnapshot() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("warehouse").toString());
    run(sink(catalog), List.of("s0", "s1"), 1);
    run(sink(catalog).mode(WriteMode.OVERWRITE), List.of("s4"), 1);
    Table table = catalog.load("retail.lines");
    assertThat(IcebergTableReader.countBy(table, "split")).isEqualTo(Map.of("s4", 40L));
    // An append after the overwrite takes s0 again: the overwrite removed its rows, so the ledger no longer holds it
    run(sink(catalog), List.of("s0", "s4"), 1);
    assertThat(IcebergTableReader.countBy(table, "split")).isEqualTo(Map.of("s0", 40L, "s4", 40L));
  }

  @Test
  void newField_isAddedBySchemaEvolution_andOlderFilesReadItAsNull() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("warehouse").toString());
    run(sink(catalog), List.of("s0"), 1);
    List<Wider> wider = List.of(new Wider("w", 1, 1.0, LocalDate.of(2011, 1, 1), null, "x"));
    Pipeline.from(NamedSplits.of(Map.of("w", wider))).named("wider")
        .to(catalog.<Wider>table("retail.lines")).run();
    Table table = catalog.load("retail.lines");
    assertThat(table.schema().findField("extra")).isNotNull();
    assertThat(table.schema().findField("extra").isOptional()).isTrue();
    Map<String, Long> extras = new TreeMap<>();
    // read in the table's schema, as Iceberg readers read it: files written before the change hold no such column
    IcebergTableReader.rows(table).forEach(r -> extras.merge(String.valueOf(r.get("extra")), 1L, Long::sum));
    assertThat(extras).isEqualTo(Map.of("null", 40L, "x", 1L));
  }

  @Test
  void incompatibleType_isRefusedNamingTheFieldAndTheFix() {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("warehouse").toString());
    run(sink(catalog), List.of("s0"), 1);
    assertThatThrownBy(() -> Pipeline.from(NamedSplits.of(Map.of("c", List.of(new Clash("c", "seven")))))
        .named("clash").to(catalog.<Clash>table("retail.lines")).run())
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("Field 'n' is string in the rows but int in Iceberg table retail.lines")
        .hasMessageContaining("Write to a new table, or rename the field");
  }

  @Test
  void commit_isDurableInTheSqliteCatalog_forAnyOtherConnection_alsoFromACatalogOpenedOnAnExistingFile()
      throws Exception {
    Path warehouse = dir.resolve("warehouse");
    IcebergCatalog first = IcebergCatalog.local(warehouse.toString());
    run(sink(first), List.of("s0"), 1);
    // Another client of the same file (as a second process would be): a catalog initialised on an existing database
    IcebergCatalog second = first.with("clients", "3");
    second.catalog().tableExists(org.apache.iceberg.catalog.TableIdentifier.parse("retail.lines"));
    // A commit by the first client is seen by the second, and the second's own commit is seen by everyone
    run(sink(first), List.of("s2"), 1);
    assertThat(IcebergTableReader.countBy(second.load("retail.lines"), "split"))
        .isEqualTo(Map.of("s0", 40L, "s2", 40L));
    run(sink(second), List.of("s1"), 1);

    Table table = second.load("retail.lines");
    try (java.sql.Connection plain = java.sql.DriverManager.getConnection("jdbc:sqlite:"
        + warehouse.resolve("catalog.db"));
        java.sql.ResultSet rs = plain.createStatement().executeQuery(
            "SELECT metadata_location FROM iceberg_tables WHERE table_name = 'lines'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(
          ((org.apache.iceberg.HasTableOperations) table).operations().current().metadataFileLocation());
    }
    assertThat(IcebergTableReader.countBy(first.load("retail.lines"), "split"))
        .isEqualTo(Map.of("s0", 40L, "s1", 40L, "s2", 40L));
  }
}
