package dev.lake.sink.warehouse;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.internal.lake.Locations;
import dev.lake.internal.lake.Manifest;
import dev.lake.internal.lake.PartitionPaths;
import dev.lake.io.DataFile;
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
    List<DataFile> files) {

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
    return new Snapshot(lake, m, row, file, ColumnDef.of(row, m.partitionBy()), m.files());
  }

  /** The same version, moving only {@code toLoad}. */
  Snapshot withFiles(List<DataFile> toLoad) {
    return new Snapshot(lake, manifest, rowSchema, fileSchema, columns, List.copyOf(toLoad));
  }

  /** The dataset's identity in the warehouse's load state: its URI, e.g. {@code s3://b/lake/processed/sales/}. */
  String source() {
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
