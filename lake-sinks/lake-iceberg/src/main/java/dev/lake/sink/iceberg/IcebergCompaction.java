package dev.lake.sink.iceberg;

import dev.lake.Rows;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.FileFormats;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Rewrites the small data files of each partition into files of about the target size, in one Iceberg
 * {@code replace} snapshot validated against the snapshot it planned from (a concurrent upsert that deleted rows of
 * a rewritten file makes the compaction fail and change nothing). Files with delete files attached are left as they
 * are; files are merged only with files of the same partition and the same file schema. Rows are read and written by
 * Lake's own Parquet reader and writer, field ids included.
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
      throw new UncheckedIOException("Cannot plan the compaction of " + table.name() + ": " + e.getMessage(), e);
    }
    Set<DataFile> replaced = new HashSet<>();
    Set<DataFile> added = new HashSet<>();
    List<URI> written = new ArrayList<>();
    long rows = 0;
    try {
      for (List<DataFile> group : groups.values()) {
        if (group.size() < 2) {
          continue;
        }
        Map<String, List<GenericRecord>> bySchema = new LinkedHashMap<>();
        Map<String, List<DataFile>> filesBySchema = new LinkedHashMap<>();
        for (DataFile f : group) {
          List<GenericRecord> fileRows = read(f.location());
          if (fileRows.isEmpty()) {
            continue;
          }
          String schema = fileRows.get(0).getSchema().toString();
          bySchema.computeIfAbsent(schema, k -> new ArrayList<>()).addAll(fileRows);
          filesBySchema.computeIfAbsent(schema, k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<GenericRecord>> e : bySchema.entrySet()) {
          List<DataFile> sources = filesBySchema.get(e.getKey());
          if (sources.size() < 2) {
            continue;
          }
          DataFile merged = write(sources.get(0), e.getValue(), written);
          replaced.addAll(sources);
          added.add(merged);
          rows += e.getValue().size();
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
        throw new UncheckedIOException("Cannot compact " + table.name() + ": " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  private static List<GenericRecord> read(String location) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> r = FileFormats.newReader(FileFormat.PARQUET, LakeFileIO.store(location),
        LakeFileIO.uri(location), null)) {
      while (r.hasNext()) {
        rows.add(r.next());
      }
    }
    return rows;
  }

  private DataFile write(DataFile like, List<GenericRecord> rows, List<URI> written) throws IOException {
    Schema schema = rows.get(0).getSchema();
    StructLike partition = like.partition();
    String name = "compacted-" + UUID.randomUUID() + ".parquet";
    var spec = table.specs().get(like.specId());
    String location = spec.isUnpartitioned() ? table.locationProvider().newDataLocation(name)
        : table.locationProvider().newDataLocation(spec, partition, name);
    URI uri = LakeFileIO.uri(location);
    written.add(uri);
    WriteSpec writeSpec = new WriteSpec(FileFormat.PARQUET, Compression.SNAPPY, schema, Rows.model(GenericData.Record.class),
        Math.min(WriteSpec.DEFAULT_ROW_GROUP_BYTES, Math.max(1 << 20, targetBytes)));
    try (RowFileWriter w = FileFormats.newWriter(writeSpec, LakeFileIO.store(location).newWriter(uri))) {
      for (GenericRecord r : rows) {
        w.write(r);
      }
      w.commit();
      DataFiles.Builder b = DataFiles.builder(spec).withPath(location)
          .withFormat(org.apache.iceberg.FileFormat.PARQUET)
          .withFileSizeInBytes(w.bytes())
          .withMetrics(IcebergMetrics.of(w.metrics().orElseThrow(), table.schema()));
      if (!spec.isUnpartitioned()) {
        b.withPartition(partition);
      }
      return b.build();
    }
  }
}
