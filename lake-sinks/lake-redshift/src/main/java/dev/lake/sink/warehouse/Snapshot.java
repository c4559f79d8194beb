package dev.lake.sink.warehouse;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.internal.lake.Locations;
import dev.lake.internal.lake.Manifest;
import dev.lake.internal.lake.PartitionPaths;
import dev.lake.io.DataFile;
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
record Snapshot(Lake lake, Manifest manifest, Schema rowSchema, Schema fileSchema, List<ColumnDef> columns,
    List<DataFile> files, TableSnapshot external) {

  /**
   * A table snapshot that is not a Lake dataset (an Iceberg table): its data files as a manifest's, with absolute
   * paths and no partition directories (every column is in the rows).
   */
  static Snapshot of(TableSnapshot table) {
    List<DataFile> files = new ArrayList<>();
    for (TableSnapshot.File f : table.files()) {
      files.add(new DataFile(f.path(), Map.of(), f.rows(), f.bytes(), null));
    }
    Manifest m = new Manifest(Manifest.FORMAT, table.name(), table.version(), java.time.Instant.now(), null, null,
        null, "APPEND", "PARQUET", List.of(), table.schema().toString(), files, List.of(), List.of(), Map.of(),
        List.of(), Map.of(), List.of());
    return new Snapshot(null, m, table.schema(), table.schema(), ColumnDef.of(table.schema(), List.of()), files,
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
    return new LoadPlan(plan.previousVersion(), plan.version(), manifest.files(), true, List.of(), plan.gone(),
        plan.added());
  }

  /** The rows of one file: read as written (a dataset), or through the table with its deletes applied. */
  dev.lake.io.SourceReader<org.apache.avro.generic.GenericRecord> open(DataFile f) throws java.io.IOException {
    if (external != null) {
      return external.open(List.of(f.path()));
    }
    return dev.lake.io.FileFormats.newReader(dev.lake.io.FileFormat.valueOf(manifest.format()), lake.store(), uri(f),
        fileSchema);
  }

  static Snapshot of(Lake lake, String dataset) {
    Manifest m = lake.latest(dataset).orElseThrow(() -> new ValidationException("Dataset " + dataset
        + " has no commit under " + lake.root() + ": run the pipeline that writes it before loading it"));
    ValidationException.check(m.schema() != null, "Dataset %s version %d has no schema in its manifest",
        m.dataset(), m.version());
    Schema row = new Schema.Parser().parse(m.schema());
    List<Schema.Field> fileFields = new ArrayList<>();
    for (Schema.Field f : row.getFields()) {
      if (!m.partitionBy().contains(f.name())) {
        fileFields.add(new Schema.Field(f, f.schema()));
      }
    }
    Schema file = Schema.createRecord(row.getName(), row.getDoc(), row.getNamespace(), false, fileFields);
    return new Snapshot(lake, m, row, file, ColumnDef.of(row, m.partitionBy()), m.files(), null);
  }

  /** The same version, moving only {@code toLoad}. */
  Snapshot withFiles(List<DataFile> toLoad) {
    return new Snapshot(lake, manifest, rowSchema, fileSchema, columns, List.copyOf(toLoad), external);
  }

  /** The dataset's identity in the warehouse's load state: its URI, e.g. {@code s3://b/lake/processed/sales/}. */
  String source() {
    if (external != null) {
      return external.location();
    }
    return lake.manifests().dataDirectory(manifest.dataset()).toString();
  }

  String dataset() {
    return manifest.dataset();
  }

  List<ColumnDef> fileColumns() {
    return columns.stream().filter(c -> !c.partition()).toList();
  }

  List<ColumnDef> partitionColumns() {
    List<ColumnDef> out = new ArrayList<>();
    for (String p : manifest.partitionBy()) {
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
    return Locations.child(lake.manifests().dataDirectory(manifest.dataset()), f.path());
  }

  /** The URI of a data directory of one partition, e.g. {@code s3://b/lake/processed/x/year=2011/}. */
  URI partitionDirectory(Map<String, String> partition) {
    // Where the partition's files are: a lake written before partition names were escaped as Hive escapes them
    // keeps its directories, which the values would no longer give.
    String dir = PartitionPaths.directory(partition);
    for (DataFile f : manifest.files()) {
      if (f.partition().equals(partition) && f.path().lastIndexOf('/') > 0) {
        dir = f.path().substring(0, f.path().lastIndexOf('/'));
        break;
      }
    }
    return Locations.directory(Locations.child(lake.manifests().dataDirectory(manifest.dataset()), dir));
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
