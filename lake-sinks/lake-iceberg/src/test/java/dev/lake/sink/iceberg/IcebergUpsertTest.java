package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.SchemaException;
import dev.lake.io.NamedSplits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upserts by key (equality deletes, merge-on-read) and partition overwrites, read back through Iceberg's planning
 * with the delete files applied: one row per key, the newest wins.
 */
class IcebergUpsertTest {
  @TempDir
  Path dir;

  record InvoiceLine(String invoice, int line, String item, int quantity, int month) {}

  private static Map<String, List<InvoiceLine>> splits(Object... nameThenLines) {
    Map<String, List<InvoiceLine>> splits = new LinkedHashMap<>();
    for (int i = 0; i < nameThenLines.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<InvoiceLine> lines = (List<InvoiceLine>) nameThenLines[i + 1];
      splits.put((String) nameThenLines[i], lines);
    }
    return splits;
  }

  private static PipelineResult upsert(IcebergCatalog catalog, Map<String, List<InvoiceLine>> splits, int workers) {
    return Pipeline.from(NamedSplits.of(splits)).named("invoices").withParallelism(workers)
        .to(catalog.<InvoiceLine>table("shop.invoice_lines").partitionBy("month")
            .upsertBy("invoice", "line", "month"))
        .run();
  }

  private static Map<String, Integer> quantities(Table table) throws Exception {
    Map<String, Integer> byKey = new TreeMap<>();
    for (GenericRecord r : IcebergTableReader.rows(table)) {
      String key = r.get("invoice") + "/" + r.get("line");
      assertThat(byKey.put(key, (Integer) r.get("quantity"))).as("key %s once", key).isNull();
    }
    return byKey;
  }

  @Test
  void upsert_replacesChangedRowsByKey_andAddsNewOnes_oneRowPerKey() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    upsert(catalog, splits(
        "day1", List.of(new InvoiceLine("536365", 1, "mug", 6, 12), new InvoiceLine("536365", 2, "lantern", 8, 12)),
        "day2", List.of(new InvoiceLine("536366", 1, "hand warmer", 6, 1))), 2);
    // Changed invoices arrive in a later file: a quantity corrected, a line added
    upsert(catalog, splits(
        "day1", List.of(new InvoiceLine("536365", 1, "mug", 6, 12)),
        "corrections", List.of(new InvoiceLine("536365", 2, "lantern", 3, 12),
            new InvoiceLine("536366", 2, "heart", 12, 1))), 1);

    Table table = catalog.load("shop.invoice_lines");
    assertThat(quantities(table)).isEqualTo(Map.of("536365/1", 6, "536365/2", 3, "536366/1", 6, "536366/2", 12));
    assertThat(table.currentSnapshot().operation()).isEqualTo("overwrite"); // a row delta with deletes
    assertThat(IcebergTableReader.filesOnDisk(table))
        .isEqualTo(IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(table)));
  }

  @Test
  void upsert_keySeenTwiceByOneWriter_theLaterRowWins() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    upsert(catalog, splits("day1", List.of(new InvoiceLine("536365", 1, "mug", 6, 12))), 1);
    upsert(catalog, splits("day2", List.of(new InvoiceLine("536365", 1, "mug", 7, 12),
        new InvoiceLine("536367", 1, "bowl", 1, 12), new InvoiceLine("536365", 1, "mug", 9, 12))), 1);
    assertThat(quantities(catalog.load("shop.invoice_lines")))
        .isEqualTo(Map.of("536365/1", 9, "536367/1", 1));
  }

  @Test
  void upsert_keyWithoutThePartitionColumn_isRefusedNamingTheFix() {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    assertThatThrownBy(() -> Pipeline.from(NamedSplits.of(splits("d", List.of(
            new InvoiceLine("1", 1, "x", 1, 1))))).named("invoices")
        .to(catalog.<InvoiceLine>table("shop.invoice_lines").partitionBy("month").upsertBy("invoice", "line"))
        .run())
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("must include its partition column 'month'")
        .hasMessageContaining("upsertBy(invoice, line, month)");
  }

  @Test
  void overwritePartitions_replacesOnlyThePartitionsWritten() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    upsert(catalog, splits("dec", List.of(new InvoiceLine("1", 1, "a", 1, 12)),
        "jan", List.of(new InvoiceLine("2", 1, "b", 1, 1), new InvoiceLine("3", 1, "c", 1, 1))), 1);
    Pipeline.from(NamedSplits.of(splits("jan-again", List.of(new InvoiceLine("4", 1, "d", 5, 1))))).named("jan")
        .to(catalog.<InvoiceLine>table("shop.invoice_lines").overwritePartitions()).run();
    assertThat(quantities(catalog.load("shop.invoice_lines"))).isEqualTo(Map.of("1/1", 1, "4/1", 5));
  }
}
