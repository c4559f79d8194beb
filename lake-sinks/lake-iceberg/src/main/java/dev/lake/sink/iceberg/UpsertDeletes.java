package dev.lake.sink.iceberg;

import dev.lake.exceptions.SchemaException;
import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import dev.lake.io.WriterContext;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;

/**
 * The delete files of one writer's upsert, as Iceberg's own upsert writers make them: for every key the writer sees,
 * an equality delete (in the row's partition) that removes the table's older rows with that key; and for a key seen
 * twice by this writer, a position delete of the earlier row it wrote, so that the later row wins. Position deletes
 * are kept in memory (one per repeated key) and written sorted at the end, as the spec requires. Every key the
 * writer wrote is kept in memory with where its latest row is and the order of the split it came from
 * ({@link #keys}), so that the commit can keep one row of a key that several writers of the run wrote
 * ({@link UpsertKeys}): a writer's distinct keys must fit in its heap.
 *
 * <pre>{@code
 * UpsertDeletes deletes = new UpsertDeletes(table, fileSchema, model, List.of("invoice_no"), ctx, 64 << 20);
 * deletes.beforeWrite(row, partition, dataFileLocation, positionInFile);
 * List<DeleteFile> files = deletes.finish();
 * }</pre>
 */
final class UpsertDeletes {
  private final Table table;
  private final PartitionSpec spec;
  private final GenericData model;
  private final WriteSpec equalitySpec;
  private final String[] key;
  private final int[] keyPos;
  private final int[] keyIds;
  private final WriterContext ctx;
  private final Map<List<Object>, UpsertKeys.Written> written = new HashMap<>();
  private int order = -1;
  private final Map<PartitionValues, Open> equality = new LinkedHashMap<>();
  private final Map<PartitionValues, List<PositionDeleteFiles.Position>> positions = new LinkedHashMap<>();
  private final List<DeleteFile> done = new ArrayList<>();
  private final List<URI> files = new ArrayList<>();
  private int seq;

  private record Open(String location, RowFileWriter writer) {}

  UpsertDeletes(Table table, Schema fileSchema, GenericData model, List<String> keyColumns, WriterContext ctx,
      long rowGroupBytes) {
    this.table = table;
    this.spec = table.spec();
    this.model = model;
    this.ctx = ctx;
    this.key = keyColumns.toArray(new String[0]);
    this.keyPos = new int[key.length];
    this.keyIds = new int[key.length];
    List<Schema.Field> fields = new ArrayList<>();
    for (int i = 0; i < key.length; i++) {
      Schema.Field f = fileSchema.getField(key[i]);
      if (f == null) {
        throw new SchemaException("Cannot upsert into Iceberg table " + table.name() + " by '" + key[i]
            + "': rows have no such field; fields are " + fileSchema.getFields().stream().map(Schema.Field::name)
            .toList());
      }
      keyPos[i] = f.pos();
      keyIds[i] = table.schema().findField(key[i]).fieldId();
      fields.add(new Schema.Field(f, f.schema()));
    }
    for (PartitionField p : spec.fields()) {
      String source = table.schema().findColumnName(p.sourceId());
      if (!keyColumns.contains(source)) {
        throw new SchemaException("The upsert key of Iceberg table " + table.name() + " must include its partition "
            + "column '" + source + "' (a row's older version is deleted in the row's own partition): upsertBy("
            + String.join(", ", keyColumns) + ", " + source + ")");
      }
    }
    Schema keySchema = Schema.createRecord(fileSchema.getName() + "_key", null, fileSchema.getNamespace(), false,
        fields);
    this.equalitySpec = WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, keySchema, model).toBuilder()
        .rowGroupBytes(rowGroupBytes).build();
  }

  /** The rows written from now on come from the split at {@code order} in the run's input (-1: unknown). */
  void split(int order) {
    this.order = order;
  }

  /** Records the row about to be written at {@code pos} of {@code dataFile}. */
  void beforeWrite(Object row, PartitionValues partition, String dataFile, long pos) throws IOException {
    Object[] values = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      values[i] = PartitionValues.internal(model.getField(row, key[i], keyPos[i]));
    }
    List<Object> k = java.util.Arrays.asList(values);
    UpsertKeys.Written earlier = written.put(k, new UpsertKeys.Written(dataFile, pos, order));
    if (earlier != null) {
      positions.computeIfAbsent(partition, p -> new ArrayList<>())
          .add(new PositionDeleteFiles.Position(earlier.file(), earlier.pos()));
      return; // its equality delete is written already
    }
    Open eq = equality.get(partition);
    if (eq == null) {
      eq = open(partition, "eq-deletes", equalitySpec);
      equality.put(partition, eq);
    }
    eq.writer().write(row);
  }

  private Open open(PartitionValues partition, String kind, WriteSpec writeSpec) throws IOException {
    String name = String.format("%s-%s-%05d-%05d.parquet", kind, ctx.attemptId(), ctx.writerIndex(), seq++);
    String location = spec.isUnpartitioned() ? table.locationProvider().newDataLocation(name)
        : table.locationProvider().newDataLocation(spec, partition, name);
    URI uri = LakeFileIO.uri(location);
    files.add(uri);
    return new Open(location, FileFormats.newWriter(writeSpec, LakeFileIO.store(location).newWriter(uri)));
  }

  /** Finishes every delete file and returns them. */
  List<DeleteFile> finish() throws IOException {
    for (Map.Entry<PartitionValues, Open> e : equality.entrySet()) {
      RowFileWriter w = e.getValue().writer();
      w.commit();
      done.add(describe(FileMetadata.deleteFileBuilder(spec).ofEqualityDeletes(keyIds), e.getKey(),
          e.getValue().location(), w));
      w.close();
    }
    equality.clear();
    for (Map.Entry<PartitionValues, List<PositionDeleteFiles.Position>> e : positions.entrySet()) {
      String name = String.format("pos-deletes-%s-%05d-%05d.parquet", ctx.attemptId(), ctx.writerIndex(), seq++);
      done.add(PositionDeleteFiles.write(table, e.getKey(), name, e.getValue(), equalitySpec.rowGroupBytes(),
          files));
    }
    positions.clear();
    return List.copyOf(done);
  }

  private DeleteFile describe(FileMetadata.Builder builder, PartitionValues partition, String location,
      RowFileWriter w) {
    builder.withPath(location)
        .withFormat(org.apache.iceberg.FileFormat.PARQUET)
        .withFileSizeInBytes(w.bytes())
        .withMetrics(IcebergMetrics.of(w.metrics().orElseThrow(), table.schema()));
    if (!spec.isUnpartitioned()) {
      builder.withPartition(partition);
    }
    return builder.build();
  }

  /**
   * Every key this writer wrote, with its latest row: {@code dataFiles} are the writer's finished data files, in the
   * order of its result, which the rows' file indexes point into.
   */
  String keys(List<org.apache.iceberg.DataFile> dataFiles) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < dataFiles.size(); i++) {
      index.put(dataFiles.get(i).location(), i);
    }
    return UpsertKeys.encode(written, index, table.name());
  }

  /** Every file this writer started, for removal when the run does not commit. */
  List<URI> files() {
    return files;
  }

  /** Closes unfinished writers without publishing them. */
  void abort() throws IOException {
    for (Open o : equality.values()) {
      o.writer().close();
    }
  }
}
