package dev.lake.internal.lake;

import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SinkException;
import dev.lake.internal.format.Formats;
import dev.lake.internal.format.JsonRows;
import dev.lake.internal.format.RecordRows;
import dev.lake.io.BadRow;
import dev.lake.io.DataFile;
import dev.lake.io.Locations;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectWriter;
import dev.lake.io.PartitionPaths;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SinkWriter;
import dev.lake.io.StagedObject;
import dev.lake.io.WriteSpec;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;

/**
 * One worker's writer into a lake dataset: one open file per partition (at most {@code maxOpenFiles}, least
 * recently used closed first), rolled by size and rows, named {@code part-<attemptId>-<writer>-<seq>} (unique to the
 * attempt: no attempt ever writes a name another wrote). Files are written staged: complete but invisible until the
 * run's commit publishes them, or discarded by {@link #close()} without {@link #commit()}. Each file records the input
 * splits whose rows it holds (the dataset's split ledger).
 */
public final class LakeSinkWriter<T> implements SinkWriter<T> {
  private final LakeDataset sink;
  private final WriterContext ctx;
  private final RecordRows records;
  private final ObjectStore store;
  private final URI dataDir;
  private final String ingestSegment;
  private final LinkedHashMap<String, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
  private final List<DataFile> done = new ArrayList<>();
  private final Map<String, StagedObject> staged = new LinkedHashMap<>();
  private String split;
  private int splitSeq;

  private Schema rowSchema;
  private GenericData model;
  private WriteSpec spec;
  private int[] partitionPos;
  private String[] partitionNames;
  private Object[] lastValues;
  private Object[] scratch;
  private OpenFile lastFile;
  private int seq;
  private long rows;
  private boolean committed;
  private boolean closed;

  /** A writer of {@code sink}'s files; rows that are Java records are read through {@code records}. */
  public LakeSinkWriter(LakeDataset sink, WriterContext ctx, RecordRows records) {
    this.sink = sink;
    this.ctx = ctx;
    this.records = records;
    this.store = sink.lake().store();
    // A coalescing sink's writers write plain files to a scratch directory outside the dataset, read back and merged
    // into staged files before the commit (S3 cannot read an upload before it completes).
    this.dataDir = sink.coalescesSmallFiles() ? LakePublications.manifests(sink).scratchDirectory(sink.dataset())
        : LakePublications.manifests(sink).dataDirectory(sink.dataset());
    this.ingestSegment = sink.ingestDate()
        ? PartitionPaths.segment("ingest_date", ctx.startedAt().atZone(ZoneOffset.UTC).toLocalDate().toString())
        : null;
  }

  @Override
  public void write(T row) throws IOException {
    if (rowSchema == null) {
      init(row);
    } else if (row instanceof GenericContainer g && g.getSchema() != rowSchema && !g.getSchema().equals(rowSchema)) {
      ctx.reject(BadRow.of(sink.name(), "Row schema " + g.getSchema().getFullName() + " differs from the schema "
          + "this writer started with; fields " + fieldNames(g.getSchema()) + " vs " + fieldNames(rowSchema),
          "", String.valueOf(row)));
      return;
    }
    Object[] values = partitionValues(row);
    OpenFile file = (lastFile != null && Arrays.equals(values, lastValues) && lastFile.writer != null)
        ? lastFile : fileFor(values.clone(), row);
    if (file == null) {
      return; // rejected: a partition value that cannot be a directory name
    }
    if (file.taggedSplit != splitSeq) {
      file.taggedSplit = splitSeq;
      if (split != null) {
        file.splits.add(split);
      }
    }
    try {
      file.writer.write(row);
    } catch (RuntimeException e) {
      // A row that fails half-way through may have left a partial record in the file: the file cannot be kept.
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String cause = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ", caused by " + root.getMessage();
      throw new SinkException("lake", "Cannot write a row to " + sink.dataset() + " (" + cause
          + "); the row was " + safeJson(row) + ". Nothing was committed.", e);
    }
    rows++;
    if (file.writer.rows() >= sink.maxRowsPerFile() || sizeReached(file)) {
      finish(file);
    }
  }

  /** Most rows between checks of a file's size: bounds how far past its target a file can grow. */
  private static final long MAX_ROWS_BETWEEN_SIZE_CHECKS = 256;

  /**
   * Whether the file reached its target size. Asking a Parquet writer its size walks every column's buffers, so it is
   * asked again only when, at the file's bytes per row so far, half the room left would be used (at most
   * {@link #MAX_ROWS_BETWEEN_SIZE_CHECKS} rows later): every row while the file is near its target.
   */
  private boolean sizeReached(OpenFile file) {
    long rowsSoFar = file.writer.rows();
    if (rowsSoFar < file.nextSizeCheck) {
      return false;
    }
    long bytes = file.writer.bytes();
    long room = sink.targetFileBytes() - bytes;
    if (room <= 0) {
      return true;
    }
    long bytesPerRow = Math.max(1, bytes / rowsSoFar);
    file.nextSizeCheck = rowsSoFar + Math.max(1, Math.min(MAX_ROWS_BETWEEN_SIZE_CHECKS, room / bytesPerRow / 2));
    return false;
  }

  @Override
  public void startSplit(String splitId) {
    split = splitId;
    splitSeq++;
  }

  private void init(T row) {
    Schema explicit = sink.schema();
    rowSchema = explicit != null ? explicit : records.schemaOf(row);
    model = records.model(row.getClass());
    List<String> names = sink.partitionBy();
    partitionNames = names.toArray(new String[0]);
    partitionPos = new int[names.size()];
    List<Schema.Field> fileFields = new ArrayList<>();
    for (int i = 0; i < partitionNames.length; i++) {
      Schema.Field f = rowSchema.getField(partitionNames[i]);
      if (f == null) {
        throw new SchemaException("Cannot partition " + sink.dataset() + " by '" + partitionNames[i]
            + "': rows have no such field; fields are " + fieldNames(rowSchema));
      }
      partitionPos[i] = f.pos();
    }
    for (Schema.Field f : rowSchema.getFields()) {
      if (!names.contains(f.name())) {
        fileFields.add(new Schema.Field(f, f.schema()));
      }
    }
    Schema fileSchema = names.isEmpty() ? rowSchema
        : Schema.createRecord(rowSchema.getName(), rowSchema.getDoc(), rowSchema.getNamespace(), false, fileFields);
    spec = WriteSpec.builder().format(sink.format()).compression(sink.compression()).schema(fileSchema).model(model)
        .rowGroupBytes(Math.max(1 << 20, Math.min(WriteSpec.DEFAULT_ROW_GROUP_BYTES, sink.targetFileBytes()))).build();
  }

  /** The row's partition values, in a scratch array reused for every row (copied when a file keeps them). */
  private Object[] partitionValues(T row) {
    if (scratch == null) {
      scratch = new Object[partitionNames.length];
    }
    Object[] values = scratch;
    for (int i = 0; i < values.length; i++) {
      values[i] = model.getField(row, partitionNames[i], partitionPos[i]);
    }
    return values;
  }

  /** The open file of the values' partition (opened if need be), or null when the row was rejected for them. */
  private OpenFile fileFor(Object[] values, T row) throws IOException {
    StringBuilder dir = new StringBuilder();
    Map<String, String> partition = new LinkedHashMap<>();
    if (ingestSegment != null) {
      dir.append(ingestSegment).append('/');
      partition.put("ingest_date", ingestSegment.substring("ingest_date=".length()));
    }
    for (int i = 0; i < values.length; i++) {
      String text = values[i] == null ? null : values[i].toString();
      partition.put(partitionNames[i], text);
      dir.append(PartitionPaths.segment(partitionNames[i], text)).append('/');
    }
    String key = dir.toString();
    OpenFile file = open.get(key);
    if (file == null || file.writer == null) {
      for (int i = 0; i < values.length; i++) {
        String problem = PartitionPaths.problem(partitionNames[i], partition.get(partitionNames[i]));
        if (problem != null) {
          ctx.reject(BadRow.of(sink.name(), problem, "", safeJson(row)));
          return null;
        }
      }
      if (open.size() >= sink.maxOpenFiles()) {
        Iterator<OpenFile> eldest = open.values().iterator();
        OpenFile victim = eldest.next();
        eldest.remove();
        finish(victim);
      }
      file = new OpenFile(key, partition);
      open.put(key, file);
    }
    lastValues = values;
    lastFile = file;
    return file;
  }

  private void finish(OpenFile file) throws IOException {
    if (file.writer == null) {
      return;
    }
    file.writer.commit();
    if (!sink.coalescesSmallFiles()) {
      staged.put(file.path, file.out.staged());
    }
    done.add(DataFile.builder().path(file.path).partition(file.partition).rows(file.writer.rows())
        .bytes(file.writer.bytes()).commitKey(ctx.attemptId()).splits(List.copyOf(file.splits)).build());
    file.writer.close();
    file.writer = null;
    open.remove(file.dir);
  }

  @Override
  public WriterResult commit() throws IOException {
    for (OpenFile f : new ArrayList<>(open.values())) {
      finish(f);
    }
    committed = true;
    Map<String, String> meta = rowSchema == null ? Map.of() : Map.of("schema", rowSchema.toString());
    return WriterResult.builder().writerIndex(ctx.writerIndex()).rows(rows).files(done).metadata(meta)
        .staged(staged).build();
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
      for (StagedObject s : staged.values()) {
        store.discard(s);
      }
      if (sink.coalescesSmallFiles()) {
        store.deleteAll(done.stream().map(d -> Locations.child(dataDir, d.path())).toList());
      }
    }
  }

  private String safeJson(Object row) {
    try {
      return JsonRows.toJson(row, rowSchema, model);
    } catch (RuntimeException e) {
      return String.valueOf(row);
    }
  }

  private static List<String> fieldNames(Schema s) {
    return s.getFields().stream().map(Schema.Field::name).toList();
  }

  private final class OpenFile {
    final String dir;
    final String path;
    final Map<String, String> partition;
    final java.util.LinkedHashSet<String> splits = new java.util.LinkedHashSet<>();
    int taggedSplit = -1;
    long nextSizeCheck = 1;
    final ObjectWriter out;
    RowFileWriter writer;

    OpenFile(String dir, Map<String, String> partition) throws IOException {
      this.dir = dir;
      this.partition = partition;
      this.path = dir + String.format("part-%s-%05d-%05d%s", ctx.attemptId(), ctx.writerIndex(), seq++,
          spec.suffix());
      try {
        URI uri = Locations.child(dataDir, path);
        this.out = sink.coalescesSmallFiles() ? store.newWriter(uri) : store.newStagedWriter(uri);
        this.writer = Formats.newWriter(spec, out);
      } catch (IOException e) {
        URI uri = Locations.child(dataDir, path);
        String reason = String.valueOf(e.getMessage()).replace(uri.getPath() + ": ", "");
        throw new SinkException("lake", "Cannot create " + uri + ": " + reason + ". Nothing was committed.", e);
      }
    }
  }
}
