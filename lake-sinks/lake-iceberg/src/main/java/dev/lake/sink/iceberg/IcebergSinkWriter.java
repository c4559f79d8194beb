package dev.lake.sink.iceberg;

import dev.lake.Rows;
import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SinkException;
import dev.lake.format.FileFormats;
import dev.lake.io.BadRow;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.ObjectStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriteSpec;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;

/**
 * One worker's writer into an Iceberg table: rows go to one Parquet file per partition (rolled over at the sink's
 * target size), written by Lake's Parquet writer with the table's field ids. Each finished file becomes an Iceberg
 * {@link DataFile} with metrics from its footer; none is visible before the sink's commit, and a writer closed
 * without a commit deletes its files.
 *
 * <pre>{@code
 * try (SinkWriter<Sale> w = sink.open(WriterContext.of("run-1", 0))) {
 *   sales.forEach(s -> w.write(s));
 *   results.add(w.commit());
 * }
 * }</pre>
 */
final class IcebergSinkWriter<T> implements SinkWriter<T> {
  private final IcebergSink<T> sink;
  private final WriterContext ctx;
  private final LinkedHashMap<PartitionValues, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
  private final List<DataFile> done = new ArrayList<>();
  private final List<dev.lake.io.DataFile> doneLake = new ArrayList<>();
  private final List<URI> written = new ArrayList<>();
  private String split;
  private int splitSeq;
  private int splitOrder = -1;

  private Table table;
  private PartitionSpec spec;
  private Schema rowSchema;
  private GenericData model;
  private WriteSpec writeSpec;
  private String[] partitionSources;
  private int[] partitionPos;
  private java.util.function.Function<Object, Object>[] transforms;
  private UpsertDeletes deletes;
  private int seq;
  private long rows;
  private boolean committed;
  private boolean closed;

  IcebergSinkWriter(IcebergSink<T> sink, WriterContext ctx) {
    this.sink = sink;
    this.ctx = ctx;
  }

  @Override
  public void startSplit(String splitId) {
    startSplit(splitId, -1);
  }

  /** Also notes the split's order in the run's input, by which an upsert keeps the later of two writers' rows. */
  @Override
  public void startSplit(String splitId, int order) {
    split = splitId;
    splitSeq++;
    splitOrder = order;
    if (deletes != null) {
      deletes.split(order);
    }
  }

  @Override
  public void write(T row) throws IOException {
    if (table == null) {
      init(row);
    } else if (row instanceof GenericContainer g && g.getSchema() != rowSchema && !g.getSchema().equals(rowSchema)) {
      ctx.reject(BadRow.of(sink.name(), "Row schema " + g.getSchema().getFullName() + " differs from the schema "
          + "this writer started with", "", String.valueOf(row)));
      return;
    }
    OpenFile file = fileFor(row);
    if (file.taggedSplit != splitSeq) {
      file.taggedSplit = splitSeq;
      if (split != null) {
        file.splits.add(split);
      }
    }
    try {
      if (deletes != null) {
        deletes.beforeWrite(row, file.key, file.location, file.writer.rows());
      }
      file.writer.write(row);
    } catch (RuntimeException e) {
      throw new SinkException("iceberg", "Cannot write a row to Iceberg table " + sink.table() + " ("
          + e.getMessage() + "). Nothing was committed.", e);
    }
    rows++;
    if (file.writer.bytes() >= sink.targetFileBytes()) {
      finish(file);
    }
  }

  private void init(T row) {
    rowSchema = Rows.schemaOf(row);
    model = Rows.model(row.getClass());
    table = IcebergTables.prepare(sink, rowSchema);
    spec = table.spec();
    partitionSources = new String[spec.fields().size()];
    partitionPos = new int[partitionSources.length];
    transforms = PartitionTransforms.bind(spec, table.schema());
    for (int i = 0; i < partitionSources.length; i++) {
      PartitionField field = spec.fields().get(i);
      partitionSources[i] = table.schema().findColumnName(field.sourceId());
      if (rowSchema.getField(partitionSources[i]) == null) {
        throw new SchemaException("Iceberg table " + sink.table() + " is partitioned by '" + partitionSources[i]
            + "', which the rows lack");
      }
      partitionPos[i] = rowSchema.getField(partitionSources[i]).pos();
    }
    Schema fileSchema = IcebergSchemas.withFieldIds(rowSchema, table.schema(), sink.table());
    long rowGroupBytes = Math.max(1 << 20, Math.min(WriteSpec.DEFAULT_ROW_GROUP_BYTES, sink.targetFileBytes()));
    writeSpec = WriteSpec.builder().format(FileFormat.PARQUET).compression(Compression.SNAPPY).schema(fileSchema)
        .model(model).rowGroupBytes(rowGroupBytes).build();
    if (sink.write() == IcebergWrite.UPSERT) {
      deletes = new UpsertDeletes(table, fileSchema, model, sink.key(), ctx, writeSpec.rowGroupBytes());
      deletes.split(splitOrder);
    }
  }

  private OpenFile fileFor(T row) throws IOException {
    Object[] values = new Object[partitionSources.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = model.getField(row, partitionSources[i], partitionPos[i]);
    }
    PartitionValues key = PartitionValues.of(values, transforms);
    OpenFile file = open.get(key);
    if (file == null) {
      if (open.size() >= sink.maxOpenFiles()) {
        Iterator<OpenFile> eldest = open.values().iterator();
        OpenFile victim = eldest.next();
        eldest.remove();
        finish(victim);
      }
      file = openFile(key);
      open.put(key, file);
    }
    return file;
  }

  private OpenFile openFile(PartitionValues key) throws IOException {
    String name = String.format("part-%s-%05d-%05d.parquet", ctx.attemptId(), ctx.writerIndex(), seq++);
    String location = spec.isUnpartitioned() ? table.locationProvider().newDataLocation(name)
        : table.locationProvider().newDataLocation(spec, key, name);
    URI uri = LakeFileIO.uri(location);
    ObjectStore store = LakeFileIO.store(location);
    written.add(uri);
    return new OpenFile(key, location, FileFormats.newWriter(writeSpec, store.newWriter(uri)));
  }

  private void finish(OpenFile file) throws IOException {
    if (file.writer == null) {
      return;
    }
    RowFileWriter w = file.writer;
    file.writer = null;
    open.remove(file.key);
    w.commit();
    DataFiles.Builder data = DataFiles.builder(spec)
        .withPath(file.location)
        .withFormat(org.apache.iceberg.FileFormat.PARQUET)
        .withFileSizeInBytes(w.bytes())
        .withMetrics(IcebergMetrics.of(w.metrics().orElseThrow(), table.schema()));
    if (!spec.isUnpartitioned()) {
      data.withPartition(file.key);
    }
    done.add(data.build());
    Map<String, String> partition = new LinkedHashMap<>();
    for (int i = 0; i < partitionSources.length; i++) {
      Object v = file.key.get(i, Object.class);
      partition.put(spec.fields().get(i).name(), v == null ? null : v.toString());
    }
    doneLake.add(dev.lake.io.DataFile.builder().path(file.location).partition(partition).rows(w.rows())
        .bytes(w.bytes()).commitKey(ctx.attemptId()).splits(List.copyOf(file.splits)).build());
    w.close();
  }

  @Override
  public WriterResult commit() throws IOException {
    for (OpenFile f : new ArrayList<>(open.values())) {
      finish(f);
    }
    committed = true;
    Map<String, String> meta = new LinkedHashMap<>();
    if (!done.isEmpty()) {
      meta.put(DataFileCodec.KEY, DataFileCodec.encode(done));
    }
    if (deletes != null) {
      meta.put(UpsertKeys.KEY, deletes.keys(done));
      List<DeleteFile> deleteFiles = deletes.finish();
      if (!deleteFiles.isEmpty()) {
        meta.put(DataFileCodec.DELETES, DataFileCodec.encode(deleteFiles));
      }
      for (DeleteFile d : deleteFiles) {
        doneLake.add(dev.lake.io.DataFile.of(d.location(), Map.of(), d.recordCount(), d.fileSizeInBytes(),
            ctx.attemptId()));
      }
    }
    return WriterResult.builder().writerIndex(ctx.writerIndex()).rows(rows).files(doneLake).metadata(meta)
        .build();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (!committed) {
      for (OpenFile f : open.values()) {
        if (f.writer != null) {
          f.writer.close();
        }
      }
      if (deletes != null) {
        deletes.abort();
        written.addAll(deletes.files());
      }
      for (URI uri : written) {
        LakeFileIO.store(uri.toString()).delete(uri);
      }
    }
  }

  private static final class OpenFile {
    final PartitionValues key;
    final String location;
    final Set<String> splits = new LinkedHashSet<>();
    RowFileWriter writer;
    int taggedSplit = -1;

    OpenFile(PartitionValues key, String location, RowFileWriter writer) {
      this.key = key;
      this.location = location;
      this.writer = writer;
    }
  }
}
