package dev.lake.cli;

import dev.lake.io.SourceReader;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.sink.iceberg.IcebergRead;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * {@code lake show <namespace.table>} for an Iceberg table: the snapshot shown (the newest, or {@code --snapshot}),
 * its schema with field ids, its partitions, sample rows with the deletes applied (only as many rows as shown are
 * read) and the table's snapshot history.
 *
 * <pre>{@code
 * if (IcebergShow.has(catalog, "shop.lines")) IcebergShow.print(out, catalog, "shop.lines", snapshotId, 5, 10);
 * }</pre>
 */
final class IcebergShow {
  private IcebergShow() {}

  /** True when the catalog has this table ({@code namespace.table}). */
  static boolean has(IcebergCatalog catalog, String name) {
    return name.contains(".") && !name.contains("/") && catalog.catalog().tableExists(TableIdentifier.parse(name));
  }

  static void print(PrintWriter out, Table table, Long snapshotId, int rows, int history) throws IOException {
    IcebergRead read = IcebergRead.of(table);
    IcebergRead.Plan plan = (snapshotId == null ? read : read.snapshot(snapshotId)).plan();
    Snapshot s = plan.snapshot();
    String name = IcebergViews.name(table);
    out.printf("%s  %s%n", Terminal.bold(name), table.location());
    if (s == null) {
      out.printf("Iceberg table, no snapshot yet%n%n");
    } else {
      Set<String> deletes = new HashSet<>();
      long bytes = 0;
      for (FileScanTask t : plan.files()) {
        t.deletes().forEach(d -> deletes.add(d.location()));
        bytes += t.file().fileSizeInBytes();
      }
      out.printf("snapshot %d%s, committed %s, %s%s: %,d rows, %,d data file%s, %,d delete file%s, %s%n%n",
          s.snapshotId(), snapshotId == null ? " (newest)" : "", Format.time(Instant.ofEpochMilli(s.timestampMillis())),
          s.operation(), s.summary().containsKey("lake.run-id") ? " by run " + s.summary().get("lake.run-id") : "",
          IcebergListing.rows(plan), plan.files().size(), plan.files().size() == 1 ? "" : "s", deletes.size(),
          deletes.size() == 1 ? "" : "s", Format.bytes(bytes));
    }
    schema(out, table, plan);
    partitions(out, table, plan);
    if (rows > 0 && !plan.files().isEmpty()) {
      sample(out, plan, rows);
    }
    history(out, table, s, history);
  }

  private static void schema(PrintWriter out, Table table, IcebergRead.Plan plan) {
    PartitionSpec spec = table.spec();
    out.println("Schema (Iceberg format v" + ((org.apache.iceberg.HasTableOperations) table).operations().current()
        .formatVersion() + "):");
    TextTable fields = new TextTable("id", "field", "type", "nullable", "partition");
    for (Types.NestedField f : plan.schema().columns()) {
      List<String> transforms = new ArrayList<>();
      for (PartitionField p : spec.fields()) {
        if (p.sourceId() == f.fieldId()) {
          transforms.add(p.transform().toString());
        }
      }
      fields.row((long) f.fieldId(), f.name(), f.type().toString(), f.isOptional() ? "yes" : "no",
          String.join(", ", transforms));
    }
    out.print(ShowCommand.indent(fields.plainNumbers().toString()));
    out.println();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void partitions(PrintWriter out, Table table, IcebergRead.Plan plan) {
    PartitionSpec spec = table.spec();
    if (spec.isUnpartitioned()) {
      out.println("Not partitioned.");
      out.println();
      return;
    }
    List<TreeSet<String>> values = new ArrayList<>();
    spec.fields().forEach(f -> values.add(new TreeSet<>(ShowCommand::compareValues)));
    Set<String> partitions = new HashSet<>();
    for (FileScanTask t : plan.files()) {
      if (t.file().specId() != spec.specId()) {
        continue; // written under an older partitioning
      }
      partitions.add(spec.partitionToPath(t.file().partition()));
      for (int i = 0; i < spec.fields().size(); i++) {
        PartitionField f = spec.fields().get(i);
        Type result = f.transform().getResultType(table.schema().findType(f.sourceId()));
        Object v = t.file().partition().get(i, Object.class);
        values.get(i).add(((Transform) f.transform()).toHumanString(result, v));
      }
    }
    List<String> terms = spec.fields().stream().map(f -> f.name()).toList();
    out.printf("Partitioned by %s: %,d partitions%n", String.join(", ", terms), partitions.size());
    for (int i = 0; i < terms.size(); i++) {
      List<String> first = new ArrayList<>(values.get(i)).subList(0, Math.min(5, values.get(i).size()));
      out.printf("  %s: %s%s (%,d values)%n", terms.get(i), String.join(", ", first),
          values.get(i).size() > 5 ? ", …" : "", values.get(i).size());
    }
    out.println();
  }

  private static void sample(PrintWriter out, IcebergRead.Plan plan, int rows) throws IOException {
    Schema schema = plan.rowSchema();
    TextTable table = new TextTable(schema.getFields().stream().map(Schema.Field::name).toList()).plainNumbers();
    int n = 0;
    try (SourceReader<GenericRecord> r = plan.open()) {
      while (n < rows && r.hasNext()) {
        GenericRecord row = r.next();
        List<Object> cells = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
          Object v = SchemaText.value(row.get(f.name()), f.schema());
          cells.add(v instanceof String str && str.length() > 40 ? str.substring(0, 39) + "…" : v);
        }
        table.row(cells);
        n++;
      }
    }
    out.printf("Sample rows (%d, deletes applied):%n", n);
    out.print(ShowCommand.indent(table.toString()));
    out.println();
  }

  private static void history(PrintWriter out, Table table, Snapshot shown, int history) {
    List<Snapshot> all = new ArrayList<>();
    SnapshotUtil.currentAncestors(table).forEach(all::add);
    java.util.Collections.reverse(all); // oldest first, as lake show lists a dataset's commits
    out.printf("Snapshots (%d%s):%n", all.size(), all.size() > history ? ", newest " + history : "");
    TextTable t = new TextTable("snapshot", "committed", "operation", "added rows", "delete records", "run", "");
    for (Snapshot s : all.subList(Math.max(0, all.size() - history), all.size())) {
      Map<String, String> sum = s.summary();
      t.row(String.valueOf(s.snapshotId()), Format.time(Instant.ofEpochMilli(s.timestampMillis())), s.operation(),
          Long.parseLong(sum.getOrDefault("added-records", "0")),
          Long.parseLong(sum.getOrDefault("added-equality-deletes", "0")) + Long.parseLong(
              sum.getOrDefault("added-position-deletes", "0")),
          sum.getOrDefault("lake.run-id", ""), shown != null && s.snapshotId() == shown.snapshotId() ? "<- shown" : "");
    }
    out.print(ShowCommand.indent(t.plainNumbers().toString()));
  }
}
