package dev.lake.sink.iceberg;

import dev.lake.io.FileFormat;
import dev.lake.io.FileFormats;
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
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads an Iceberg table back the way an engine plans it: the data files of the current snapshot from Iceberg's own
 * scan planning (manifests), each read as Parquet; and lists the Parquet files on disk under the table's data
 * directory, to prove that no file of a failed attempt is left behind.
 */
final class IcebergTableReader {
  private IcebergTableReader() {}

  static List<String> dataFiles(Table table) throws IOException {
    List<String> paths = new ArrayList<>();
    table.refresh();
    if (table.currentSnapshot() == null) {
      return paths;
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> paths.add(t.file().location()));
    }
    return paths;
  }

  static List<GenericRecord> rows(Table table) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    for (String path : dataFiles(table)) {
      URI uri = LakeFileIO.uri(path);
      try (SourceReader<GenericRecord> r = FileFormats.newReader(FileFormat.PARQUET, LakeFileIO.store(path), uri,
          null)) {
        while (r.hasNext()) {
          rows.add(r.next());
        }
      }
    }
    return rows;
  }

  static Map<String, Long> countBy(Table table, String field) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    rows(table).forEach(r -> counts.merge(String.valueOf(r.get(field)), 1L, Long::sum));
    return counts;
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
