package dev.lake.internal.lake;

import dev.lake.LakeSink;
import dev.lake.Rows;
import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SinkException;
import dev.lake.internal.format.JsonRows;
import dev.lake.io.BadRow;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormats;
import dev.lake.io.ObjectStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SinkWriter;
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
 * recently used closed first), rolled by size and rows, named {@code part-<commitKey>-<writer>-<seq>}.
 */
public final class LakeSinkWriter<T> implements SinkWriter<T> {
  private final LakeSink<T> sink;
  private final WriterContext ctx;
  private final ObjectStore store;
  private final URI dataDir;
  private final String ingestSegment;
  private final LinkedHashMap<String, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
  private final List<DataFile> done = new ArrayList<>();

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

  public LakeSinkWriter(LakeSink<T> sink, WriterContext ctx) {
    this.sink = sink;
    this.ctx = ctx;
    this.store = sink.lake().store();
    this.dataDir = sink.lake().manifests().dataDirectory(sink.dataset());
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
        ? lastFile : fileFor(values.clone());
    try {
      file.writer.write(row);
    } catch (RuntimeException e) {
      // A row that fails half-way through may have left a partial record in the file: the file cannot be kept.
      throw new SinkException("lake", "Cannot write a row to " + sink.dataset() + " (" + e.getMessage()
          + "); the row was " + safeJson(row), e);
    }
    rows++;
    if (file.writer.bytes() >= sink.targetFileBytes() || file.writer.rows() >= sink.maxRowsPerFile()) {
      finish(file);
    }
  }

  private void init(T row) {
    Schema explicit = sink.schema();
    rowSchema = explicit != null ? explicit : Rows.schemaOf(row);
    model = Rows.model(row.getClass());
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
    spec = new WriteSpec(sink.format(), sink.compression(), fileSchema, model,
        Math.max(1 << 20, Math.min(WriteSpec.DEFAULT_ROW_GROUP_BYTES, sink.targetFileBytes())));
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

  private OpenFile fileFor(Object[] values) throws IOException {
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
    done.add(new DataFile(file.path, file.partition, file.writer.rows(), file.writer.bytes(), ctx.commitKey()));
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
    return new WriterResult(ctx.writerIndex(), rows, done, meta);
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
      List<URI> written = new ArrayList<>();
      done.forEach(d -> written.add(Locations.child(dataDir, d.path())));
      store.deleteAll(written);
    }
  }

  /**
   * Closes the open files without publishing them and keeps the finished ones: for a Spark task that failed, whose
   * file names a retry or a speculative attempt of the same partition may be writing right now. The commit publishes
   * only the files named in the collected results and deletes this commit key's other files.
   */
  public void abandon() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    for (OpenFile f : open.values()) {
      if (f.writer != null) {
        f.writer.close();
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
    RowFileWriter writer;

    OpenFile(String dir, Map<String, String> partition) throws IOException {
      this.dir = dir;
      this.partition = partition;
      this.path = dir + String.format("part-%s-%05d-%05d%s", ctx.commitKey(), ctx.writerIndex(), seq++,
          spec.suffix());
      try {
        this.writer = FileFormats.newWriter(spec, store.newWriter(Locations.child(dataDir, path)));
      } catch (IOException e) {
        throw new SinkException("lake", "Cannot create " + Locations.child(dataDir, path) + ": " + e.getMessage(), e);
      }
    }
  }
}
