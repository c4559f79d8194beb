package dev.lake.sink.iceberg;

import dev.lake.format.FileFormats;
import dev.lake.io.FileFormat;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads an Iceberg table back: its rows through {@link IcebergRead} (Spark reads the same tables in lake-spark's
 * IcebergReadBySparkTest), the data files of the current snapshot from Iceberg's own scan planning; and lists the
 * Parquet files on disk under the table's data directory, to prove that no file of a failed attempt is left behind.
 */
final class IcebergTableReader {
  private IcebergTableReader() {}

  /** The data files of the current snapshot and the delete files that apply to them. */
  static List<String> dataFiles(Table table) throws IOException {
    List<String> paths = new ArrayList<>();
    table.refresh();
    if (table.currentSnapshot() == null) {
      return paths;
    }
    Set<String> seen = new java.util.LinkedHashSet<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> {
        seen.add(t.file().location());
        t.deletes().forEach(d -> seen.add(d.location()));
      });
    }
    paths.addAll(seen);
    return paths;
  }

  /** The table's rows at its current snapshot, deletes applied, read by {@link IcebergRead}. */
  static List<GenericRecord> rows(Table table) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> r = IcebergRead.of(table).plan().open()) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** Rows in one Parquet file. */
  static long rowsOf(String path) {
    try {
      return read(path).size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The rows of one Parquet file as written (no deletes applied). */
  static List<GenericRecord> parquetRows(String path) throws IOException {
    return read(path);
  }

  private static List<GenericRecord> read(String path) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> r = FileFormats.newReader(FileFormat.PARQUET, LakeFileIO.store(path),
        LakeFileIO.uri(path), null)) {
      while (r.hasNext()) {
        rows.add(r.next());
      }
    }
    return rows;
  }

  static Map<String, Long> countBy(Table table, String field) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    rows(table).forEach(r -> counts.merge(String.valueOf(r.get(field)), 1L, Long::sum));
    return counts;
  }

  /** Every data and delete file the current snapshot's manifests hold (what the snapshot needs on disk). */
  static List<String> liveFiles(Table table) throws IOException {
    table.refresh();
    List<String> paths = new ArrayList<>();
    if (table.currentSnapshot() == null) {
      return paths;
    }
    for (ManifestFile m : table.currentSnapshot().allManifests(table.io())) {
      if (m.content() == ManifestContent.DATA) {
        try (ManifestReader<DataFile> r = ManifestFiles.read(m, table.io())) {
          r.forEach(f -> paths.add(f.location()));
        }
      } else {
        try (ManifestReader<DeleteFile> r = ManifestFiles.readDeleteManifest(m, table.io(), table.specs())) {
          r.forEach(f -> paths.add(f.location()));
        }
      }
    }
    return paths;
  }

  /** Every Parquet file (visible or hidden) under the table's data directory. */
  static Set<String> filesOnDisk(Table table) throws IOException {
    Path data = Path.of(URI.create(table.location() + "/data"));
    Set<String> files = new TreeSet<>();
    if (Files.isDirectory(data)) {
      try (Stream<Path> walk = Files.walk(data)) {
        walk.filter(Files::isRegularFile).forEach(p -> files.add(p.toUri().getPath()));
      }
    }
    return files;
  }

  static Set<String> pathsOf(List<String> locations) {
    Set<String> paths = new TreeSet<>();
    locations.forEach(l -> paths.add(URI.create(l).getPath()));
    return paths;
  }
}
