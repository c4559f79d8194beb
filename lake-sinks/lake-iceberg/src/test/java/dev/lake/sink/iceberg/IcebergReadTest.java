package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.NamedSplits;
import dev.lake.io.SourceReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IcebergRead} on tables the sink wrote: deletes applied, time travel by id and by time, columns matched by
 * field id after a rename, a type widening and an added column.
 */
class IcebergReadTest {
  @TempDir
  Path dir;

  record Line(String invoice, int line, String item, int quantity, int month) {}

  private IcebergCatalog catalog() {
    return IcebergCatalog.local(dir.resolve("w").toString());
  }

  private static void upsert(IcebergCatalog catalog, String split, Line... lines) {
    Map<String, List<Line>> splits = new LinkedHashMap<>();
    splits.put(split, List.of(lines));
    Pipeline.from(NamedSplits.of(splits)).named("invoices").withParallelism(1)
        .to(catalog.<Line>table("shop.lines").partitionBy("month").upsertBy("invoice", "line", "month"))
        .run();
  }

  private static List<GenericRecord> rows(IcebergRead read) throws Exception {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> r = read.plan().open()) {
      while (r.hasNext()) {
        rows.add(r.next());
        assertThat(r.position()).matches("file:/.*\\.parquet:\\d+");
      }
    }
    return rows;
  }

  private static Map<String, Object> byKey(List<GenericRecord> rows, String value) {
    Map<String, Object> out = new TreeMap<>();
    for (GenericRecord r : rows) {
      assertThat(out.put(r.get("invoice") + "/" + r.get("line"), r.get(value))).as("one row per key").isNull();
    }
    return out;
  }

  @Test
  void plan_upsertedTable_appliesEqualityAndPositionDeletes() throws Exception {
    IcebergCatalog catalog = catalog();
    upsert(catalog, "day1", new Line("1", 1, "mug", 6, 12), new Line("1", 2, "lantern", 8, 12));
    // a changed quantity (equality delete of the older row) and a key twice in one run (position delete)
    upsert(catalog, "day2", new Line("1", 2, "lantern", 3, 12), new Line("2", 1, "bowl", 1, 1),
        new Line("2", 1, "bowl", 4, 1));

    IcebergRead.Plan plan = IcebergRead.of(catalog, "shop.lines").plan();
    assertThat(plan.hasDeletes()).isTrue();
    assertThat(plan.dataFileRows()).isEqualTo(5);
    assertThat(byKey(rows(IcebergRead.of(catalog, "shop.lines")), "quantity"))
        .isEqualTo(Map.of("1/1", 6, "1/2", 3, "2/1", 4));
  }

  @Test
  void snapshot_firstSnapshot_readsTheTableAsItWas() throws Exception {
    IcebergCatalog catalog = catalog();
    upsert(catalog, "day1", new Line("1", 1, "mug", 6, 12));
    Table table = catalog.load("shop.lines");
    Snapshot first = table.currentSnapshot();
    upsert(catalog, "day2", new Line("1", 1, "mug", 9, 12), new Line("3", 1, "tea", 2, 12));

    assertThat(byKey(rows(IcebergRead.of(catalog, "shop.lines").snapshot(first.snapshotId())), "quantity"))
        .isEqualTo(Map.of("1/1", 6));
    assertThat(byKey(rows(IcebergRead.of(catalog, "shop.lines")
        .asOf(Instant.ofEpochMilli(first.timestampMillis()))), "quantity")).isEqualTo(Map.of("1/1", 6));
    assertThat(byKey(rows(IcebergRead.of(catalog, "shop.lines")), "quantity"))
        .isEqualTo(Map.of("1/1", 9, "3/1", 2));
  }

  @Test
  void snapshot_unknownIdOrTimeBeforeTheFirst_failsNamingTheSnapshots() {
    IcebergCatalog catalog = catalog();
    upsert(catalog, "day1", new Line("1", 1, "mug", 6, 12));
    long id = catalog.load("shop.lines").currentSnapshot().snapshotId();
    assertThatThrownBy(() -> IcebergRead.of(catalog, "shop.lines").snapshot(42).plan())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("has no snapshot 42")
        .hasMessageContaining("[" + id + "]");
    assertThatThrownBy(() -> IcebergRead.of(catalog, "shop.lines").asOf(Instant.parse("2000-01-01T00:00:00Z"))
        .plan())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("had no snapshot at 2000-01-01T00:00:00Z");
  }

  @Test
  void plan_afterRenameWideningAndNewColumn_matchesColumnsByFieldId() throws Exception {
    IcebergCatalog catalog = catalog();
    upsert(catalog, "day1", new Line("1", 1, "mug", 6, 12));
    Table table = catalog.load("shop.lines");
    table.updateSchema().renameColumn("item", "product").updateColumn("quantity", Types.LongType.get())
        .addColumn("note", Types.StringType.get()).commit();

    IcebergRead.Plan plan = IcebergRead.of(catalog, "shop.lines").plan();
    assertThat(plan.rowSchema().getFields().stream().map(f -> f.name()).toList())
        .containsExactly("invoice", "line", "product", "quantity", "month", "note");
    GenericRecord row = rows(IcebergRead.of(catalog, "shop.lines")).get(0);
    assertThat(row.get("product")).isEqualTo("mug");
    assertThat(row.get("quantity")).isEqualTo(6L);
    assertThat(row.get("note")).isNull();
    // time travel reads a snapshot in the schema it was written with, as Spark does
    IcebergRead.Plan asWritten = IcebergRead.of(catalog, "shop.lines").snapshot(plan.snapshot().snapshotId()).plan();
    assertThat(asWritten.schema().findField("item")).isNotNull();
    assertThat(asWritten.schema().findField("product")).isNull();
  }

  @Test
  void plan_tableWithoutSnapshots_readsNothing() throws Exception {
    IcebergCatalog catalog = catalog();
    ((org.apache.iceberg.catalog.SupportsNamespaces) catalog.catalog())
        .createNamespace(org.apache.iceberg.catalog.Namespace.of("shop"));
    catalog.catalog().createTable(org.apache.iceberg.catalog.TableIdentifier.parse("shop.empty"),
        new org.apache.iceberg.Schema(Types.NestedField.required(1, "id", Types.LongType.get())));
    IcebergRead.Plan plan = IcebergRead.of(catalog, "shop.empty").plan();
    assertThat(plan.snapshot()).isNull();
    assertThat(plan.files()).isEmpty();
    assertThat(rows(IcebergRead.of(catalog, "shop.empty"))).isEmpty();
  }

  @Test
  void asTableSnapshot_versionGrowsPerCommit_filesAndDeletes_plannedAtEachRefresh() throws Exception {
    IcebergCatalog catalog = catalog();
    upsert(catalog, "day1", new Line("1", 1, "mug", 6, 12));
    dev.lake.io.TableSnapshot snapshot = IcebergRead.of(catalog, "shop.lines").asTableSnapshot();
    assertThat(snapshot.name()).isEqualTo("iceberg shop.lines");
    assertThat(snapshot.partitioning()).containsExactly("month");
    long v1 = snapshot.version();
    upsert(catalog, "day2", new Line("1", 1, "mug", 9, 12));
    assertThat(snapshot.version()).as("planned once").isEqualTo(v1);
    dev.lake.io.TableSnapshot next = snapshot.refreshed();
    assertThat(next.version()).isGreaterThan(v1);
    assertThat(next.hasDeletes()).isTrue();
    List<String> paths = next.files().stream().map(dev.lake.io.TableSnapshot.File::path).toList();
    List<Object> quantities = new ArrayList<>();
    try (SourceReader<GenericRecord> r = next.open(paths)) {
      r.forEachRemaining(row -> quantities.add(row.get("quantity")));
    }
    assertThat(quantities).containsExactly(9);
  }

  @Test
  void permissions_glueCatalog_readOnlyGrants_withoutLoadingTheTable() {
    IcebergCatalog glue = IcebergCatalog.of("glue", Map.of("catalog-impl",
        "org.apache.iceberg.aws.glue.GlueCatalog", "warehouse", "s3://bucket/warehouse"));
    String json = IcebergRead.of(glue, "retail.sales").permissions(dev.lake.iam.IamScope.of("eu-west-1",
        "123456789012")).toJson();
    assertThat(json).contains("glue:GetTable").contains("table/retail/sales").contains("retail.db/sales/*")
        .doesNotContain("PutObject").doesNotContain("glue:UpdateTable");
  }
}
