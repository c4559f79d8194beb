package dev.lake.sink.iceberg;

import dev.lake.Rows;
import dev.lake.exceptions.LakeException;
import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Rewrites the small data files of each partition into files of about the target size, in one Iceberg
 * {@code replace} snapshot validated against the snapshot it planned from (a concurrent upsert that deleted rows of
 * a rewritten file makes the compaction fail and change nothing). Files with delete files attached are left as they
 * are; files are merged only with files of the same partition and the same file schema, in bins of at most the
 * target size, streamed row by row (memory holds a row group, not a file). Rows are read and written by Lake's own
 * Parquet reader and writer, field ids included.
 *
 * <pre>{@code
 * IcebergCompaction.Result r = new IcebergCompaction(table, 128L << 20).run();
 * }</pre>
 */
final class IcebergCompaction {
  /** What a compaction did. */
  record Result(int filesRewritten, int filesWritten, long rows) {}

  private final Table table;
  private final long targetBytes;

  IcebergCompaction(Table table, long targetBytes) {
    this.table = table;
    this.targetBytes = targetBytes;
  }

  Result run() {
    table.refresh();
    if (table.currentSnapshot() == null) {
      return new Result(0, 0, 0);
    }
    long snapshot = table.currentSnapshot().snapshotId();
    Map<String, List<DataFile>> groups = new LinkedHashMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().includeColumnStats().planFiles()) {
      for (FileScanTask t : tasks) {
        DataFile f = t.file();
        if (t.deletes().isEmpty() && f.fileSizeInBytes() < targetBytes * 3 / 4) {
          groups.computeIfAbsent(table.specs().get(f.specId()).partitionToPath(f.partition()) + "#" + f.specId(),
              k -> new ArrayList<>()).add(f.copy());
        }
      }
    } catch (IOException e) {
      throw new LakeException("Cannot plan the compaction of " + table.name() + ": " + e.getMessage(), e);
    }
    Set<DataFile> replaced = new HashSet<>();
    Set<DataFile> added = new HashSet<>();
    List<URI> written = new ArrayList<>();
    long rows = 0;
    try {
      for (List<DataFile> group : groups.values()) {
        for (List<DataFile> bin : bins(group)) {
          Merged m = merge(bin, written);
          if (m != null) {
            replaced.addAll(m.sources());
            added.add(m.file());
            rows += m.rows();
          }
        }
      }
      if (replaced.isEmpty()) {
        return new Result(0, 0, 0);
      }
      RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(snapshot);
      replaced.forEach(rewrite::deleteFile);
      added.forEach(rewrite::addFile);
      rewrite.commit();
      return new Result(replaced.size(), added.size(), rows);
    } catch (IOException | RuntimeException e) {
      for (URI uri : written) {
        try {
          LakeFileIO.store(uri.toString()).delete(uri);
        } catch (IOException | RuntimeException ignored) {
          // in no snapshot: invisible, and an orphan for removeOrphanFiles
        }
      }
      if (e instanceof IOException io) {
        throw new LakeException("Cannot compact " + table.name() + ": " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The files of one partition in bins of at most the target size, smallest first; bins of one file are left. */
  private List<List<DataFile>> bins(List<DataFile> files) {
    List<DataFile> sorted = new ArrayList<>(files);
    sorted.sort(java.util.Comparator.comparingLong(DataFile::fileSizeInBytes));
    List<List<DataFile>> bins = new ArrayList<>();
    List<DataFile> bin = new ArrayList<>();
    long bytes = 0;
    for (DataFile f : sorted) {
      if (!bin.isEmpty() && bytes + f.fileSizeInBytes() > targetBytes) {
        bins.add(bin);
        bin = new ArrayList<>();
        bytes = 0;
      }
      bin.add(f);
      bytes += f.fileSizeInBytes();
    }
    bins.add(bin);
    return bins.stream().filter(b -> b.size() >= 2).toList();
  }

  private record Merged(List<DataFile> sources, DataFile file, long rows) {}

  /**
   * Streams the bin's files, row by row, into one new file (memory holds a row group, never a file); a file of
   * another schema than the first (written before a schema change) is left as it is. Null when fewer than two files
   * would be merged: the new file is then discarded.
   */
  private Merged merge(List<DataFile> bin, List<URI> written) throws IOException {
    DataFile like = bin.get(0);
    var spec = table.specs().get(like.specId());
    String name = "compacted-" + UUID.randomUUID() + ".parquet";
    String location = spec.isUnpartitioned() ? table.locationProvider().newDataLocation(name)
        : table.locationProvider().newDataLocation(spec, like.partition(), name);
    URI uri = LakeFileIO.uri(location);
    List<DataFile> sources = new ArrayList<>();
    Schema schema = null;
    RowFileWriter w = null;
    long rows = 0;
    try {
      for (DataFile f : bin) {
        try (SourceReader<GenericRecord> r = FileFormats.newReader(FileFormat.PARQUET,
            LakeFileIO.store(f.location()), LakeFileIO.uri(f.location()), null)) {
          if (!r.hasNext()) {
            sources.add(f); // an empty file goes too
            continue;
          }
          GenericRecord first = r.next();
          if (schema == null) {
            schema = first.getSchema();
            written.add(uri);
            WriteSpec fileSpec = WriteSpec.builder().format(FileFormat.PARQUET).compression(Compression.SNAPPY)
                .schema(schema).model(Rows.model(GenericData.Record.class))
                .rowGroupBytes(Math.min(WriteSpec.DEFAULT_ROW_GROUP_BYTES, Math.max(1 << 20, targetBytes))).build();
            w = FileFormats.newWriter(fileSpec, LakeFileIO.store(location).newWriter(uri));
          } else if (!schema.equals(first.getSchema())) {
            continue; // written with another schema: stays as it is
          }
          w.write(first);
          rows++;
          while (r.hasNext()) {
            w.write(r.next());
            rows++;
          }
          sources.add(f);
        }
      }
      if (w == null || sources.size() < 2) {
        return null;
      }
      w.commit();
      DataFiles.Builder b = DataFiles.builder(spec).withPath(location)
          .withFormat(org.apache.iceberg.FileFormat.PARQUET)
          .withFileSizeInBytes(w.bytes())
          .withMetrics(IcebergMetrics.of(w.metrics().orElseThrow(), table.schema()));
      if (!spec.isUnpartitioned()) {
        b.withPartition(like.partition());
      }
      return new Merged(sources, b.build(), rows);
    } finally {
      if (w != null) {
        w.close(); // without a commit: discards
      }
    }
  }
}
