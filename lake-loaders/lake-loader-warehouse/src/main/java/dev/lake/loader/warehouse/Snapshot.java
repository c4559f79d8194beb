package dev.lake.loader.warehouse;

import dev.lake.DatasetVersion;
import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.DataFile;
import dev.lake.io.Locations;
import dev.lake.io.PartitionPaths;
import dev.lake.io.TableSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The newest commit of a dataset, as a load sees it: its columns, and the files this load moves (all of the
 * version's until {@link #withFiles} narrows them to a {@link LoadPlan}'s). Read once per load.
 */
record Snapshot(Lake lake, SourceVersion committed, Schema rowSchema, Schema fileSchema, List<ColumnDef> columns,
    List<DataFile> files, TableSnapshot external) {

  /**
   * A table snapshot that is not a Lake dataset (an Iceberg table): its data files as a manifest's, with absolute
   * paths and no partition directories (every column is in the rows).
   */
  static Snapshot of(TableSnapshot table) {
    SourceVersion v = SourceVersion.of(table);
    return new Snapshot(null, v, table.schema(), table.schema(), ColumnDef.of(table.schema(), List.of()), v.files(),
        table);
  }

  /**
   * The plan an external table with delete files needs: a row once loaded may have been deleted since, so a load
   * that moves anything reloads every row (deleting the table's rows first, in the same transaction).
   */
  LoadPlan reloadingAllWhenDeleted(LoadPlan plan) {
    if (external == null || !external.hasDeletes() || plan.upToDate() || plan.clearAll()) {
      return plan;
    }
    return new LoadPlan(plan.previousVersion(), plan.version(), committed.files(), true, List.of(), plan.gone(),
        plan.added());
  }

  /** The rows of one file: read as written (a dataset), or through the table with its deletes applied. */
  dev.lake.io.SourceReader<org.apache.avro.generic.GenericRecord> open(DataFile f) throws java.io.IOException {
    if (external != null) {
      return external.open(List.of(f.path()));
    }
    return dev.lake.format.FileFormats.newReader(committed.format(), lake.store(), uri(f),
        fileSchema);
  }

  static Snapshot of(Lake lake, String dataset) {
    DatasetVersion m = lake.latest(dataset).orElseThrow(() -> new ValidationException("Dataset " + dataset
        + " has no commit under " + lake.root() + ": run the pipeline that writes it before loading it"));
    Schema row = m.schema().orElseThrow(() -> new ValidationException(String.format(
        "Dataset %s version %d has no schema in its manifest", m.dataset(), m.version())));
    List<Schema.Field> fileFields = new ArrayList<>();
    for (Schema.Field f : row.getFields()) {
      if (!m.partitionBy().contains(f.name())) {
        fileFields.add(new Schema.Field(f, f.schema()));
      }
    }
    Schema file = Schema.createRecord(row.getName(), row.getDoc(), row.getNamespace(), false, fileFields);
    return new Snapshot(lake, SourceVersion.of(m), row, file, ColumnDef.of(row, m.partitionBy()), m.files(), null);
  }

  /** The same version, moving only {@code toLoad}. */
  Snapshot withFiles(List<DataFile> toLoad) {
    return new Snapshot(lake, committed, rowSchema, fileSchema, columns, List.copyOf(toLoad), external);
  }

  /** The dataset's identity in the warehouse's load state: its URI, e.g. {@code s3://b/lake/processed/sales/}. */
  String source() {
    if (external != null) {
      return external.location();
    }
    return committed.location().toString();
  }

  String dataset() {
    return committed.dataset();
  }

  List<ColumnDef> fileColumns() {
    return columns.stream().filter(c -> !c.partition()).toList();
  }

  List<ColumnDef> partitionColumns() {
    List<ColumnDef> out = new ArrayList<>();
    for (String p : committed.partitionBy()) {
      columns.stream().filter(c -> c.name().equals(p)).findFirst().ifPresent(out::add);
    }
    return out;
  }

  List<String> columnNames() {
    return columns.stream().map(ColumnDef::name).toList();
  }

  URI uri(DataFile f) {
    if (external != null) {
      return dev.lake.io.ObjectStores.toUri(f.path());
    }
    return Locations.child(committed.location(), f.path());
  }

  /** The URI of a data directory of one partition, e.g. {@code s3://b/lake/processed/x/year=2011/}. */
  URI partitionDirectory(Map<String, String> partition) {
    // Where the partition's files are: a lake written before partition names were escaped as Hive escapes them
    // keeps its directories, which the values would no longer give.
    String dir = PartitionPaths.directory(partition);
    for (DataFile f : committed.files()) {
      if (f.partition().equals(partition) && f.path().lastIndexOf('/') > 0) {
        dir = f.path().substring(0, f.path().lastIndexOf('/'));
        break;
      }
    }
    return Locations.directory(Locations.child(committed.location(), dir));
  }

  /** A partition value as SQL sees it: null for Hive's null marker (and for "" in non-text columns). */
  static String partitionValue(Map<String, String> partition, ColumnDef c) {
    String v = partition.get(c.name());
    if (v == null || PartitionPaths.NULL_VALUE.equals(v) || v.isEmpty() && c.kind() != ColumnDef.Kind.STRING) {
      return null;
    }
    return v;
  }

  /** The files to move grouped by partition, in manifest order. */
  Map<Map<String, String>, List<DataFile>> filesByPartition() {
    Map<Map<String, String>, List<DataFile>> out = new LinkedHashMap<>();
    for (DataFile f : files) {
      out.computeIfAbsent(f.partition(), k -> new ArrayList<>()).add(f);
    }
    return out;
  }
}
