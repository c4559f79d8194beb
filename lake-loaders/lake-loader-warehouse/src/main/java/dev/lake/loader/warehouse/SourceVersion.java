package dev.lake.loader.warehouse;

import dev.lake.DatasetVersion;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.TableSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The version a load reads, whether a Lake dataset's ({@link DatasetVersion}) or a table snapshot's (an Iceberg
 * table's {@link TableSnapshot}): what {@link LoadPlan} and the loaders need of it.
 *
 * <pre>{@code
 * SourceVersion v = SourceVersion.of(lake.latest("sales").orElseThrow());
 * LoadPlan plan = LoadPlan.of(LoadMode.APPEND, v, recorded, "sales");
 * }</pre>
 *
 * @param dataset the dataset path ({@code processed/sales}) or the table's name
 * @param version the version (a table's snapshot sequence)
 * @param format the files' format
 * @param partitionBy the partition columns in directory order; none for a table snapshot (its rows hold every column)
 * @param files every live file: paths relative to {@code location} for a dataset, absolute for a table snapshot
 * @param added paths of the files the version's commit added
 * @param location the directory of a dataset's files; null for a table snapshot
 */
record SourceVersion(String dataset, long version, FileFormat format, List<String> partitionBy, List<DataFile> files,
    List<String> added, URI location) {

  SourceVersion {
    partitionBy = List.copyOf(partitionBy);
    files = List.copyOf(files);
    added = List.copyOf(added);
  }

  static SourceVersion of(DatasetVersion v) {
    return new SourceVersion(v.dataset(), v.version(), v.format(), v.partitionBy(), v.files(), v.added(),
        v.location());
  }

  /** A table snapshot's data files, with absolute paths and no partition directories. */
  static SourceVersion of(TableSnapshot table) {
    List<DataFile> files = new ArrayList<>();
    for (TableSnapshot.File f : table.files()) {
      files.add(DataFile.of(f.path(), Map.of(), f.rows(), f.bytes(), null));
    }
    return new SourceVersion(table.name(), table.version(), FileFormat.PARQUET, List.of(), files, List.of(), null);
  }
}
