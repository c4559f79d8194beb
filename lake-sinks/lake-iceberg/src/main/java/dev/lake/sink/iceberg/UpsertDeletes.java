package dev.lake.sink.iceberg;

import dev.lake.exceptions.SchemaException;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.FileFormats;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import dev.lake.io.WriterContext;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;

/**
 * The delete files of one writer's upsert, as Iceberg's own upsert writers make them: for every key the writer sees,
 * an equality delete (in the row's partition) that removes the table's older rows with that key; and for a key seen
 * twice by this writer, a position delete of the earlier row it wrote, so that the later row wins. Position deletes
 * are kept in memory (one per repeated key) and written sorted at the end, as the spec requires.
 *
 * <pre>{@code
 * UpsertDeletes deletes = new UpsertDeletes(table, fileSchema, model, List.of("invoice_no"), ctx, 64 << 20);
 * deletes.beforeWrite(row, partition, dataFileLocation, positionInFile);
 * List<DeleteFile> files = deletes.finish();
 * }</pre>
 */
final class UpsertDeletes {
  private static final Schema POSITIONS = positionSchema();

  private final Table table;
  private final PartitionSpec spec;
  private final GenericData model;
  private final WriteSpec equalitySpec;
  private final String[] key;
  private final int[] keyPos;
  private final int[] keyIds;
  private final WriterContext ctx;
  private final Map<List<Object>, Position> written = new HashMap<>();
  private final Map<PartitionValues, Open> equality = new LinkedHashMap<>();
  private final Map<PartitionValues, List<Position>> positions = new LinkedHashMap<>();
  private final List<DeleteFile> done = new ArrayList<>();
  private final List<URI> files = new ArrayList<>();
  private int seq;

  private record Position(String file, long pos) {}

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
    this.equalitySpec = new WriteSpec(FileFormat.PARQUET, Compression.SNAPPY, keySchema, model, rowGroupBytes);
  }

  /** Records the row about to be written at {@code pos} of {@code dataFile}. */
  void beforeWrite(Object row, PartitionValues partition, String dataFile, long pos) throws IOException {
    Object[] values = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      values[i] = PartitionValues.internal(model.getField(row, key[i], keyPos[i]));
    }
    List<Object> k = java.util.Arrays.asList(values);
    Position earlier = written.put(k, new Position(dataFile, pos));
    if (earlier != null) {
      positions.computeIfAbsent(partition, p -> new ArrayList<>()).add(earlier);
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
    WriteSpec positionSpec = new WriteSpec(FileFormat.PARQUET, Compression.SNAPPY, POSITIONS, GenericData.get(),
        equalitySpec.rowGroupBytes());
    for (Map.Entry<PartitionValues, List<Position>> e : positions.entrySet()) {
      List<Position> sorted = new ArrayList<>(e.getValue());
      sorted.sort(Comparator.comparing(Position::file).thenComparingLong(Position::pos));
      Open out = open(e.getKey(), "pos-deletes", positionSpec);
      for (Position p : sorted) {
        GenericRecord r = new GenericData.Record(POSITIONS);
        r.put("file_path", p.file());
        r.put("pos", p.pos());
        out.writer().write(r);
      }
      out.writer().commit();
      done.add(describe(FileMetadata.deleteFileBuilder(spec).ofPositionDeletes(), e.getKey(), out.location(),
          out.writer()));
      out.writer().close();
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

  private static Schema positionSchema() {
    Schema string = Schema.create(Schema.Type.STRING);
    Schema.Field file = new Schema.Field("file_path", string);
    file.addProp("field-id", MetadataColumns.DELETE_FILE_PATH.fieldId());
    Schema.Field pos = new Schema.Field("pos", Schema.create(Schema.Type.LONG));
    pos.addProp("field-id", MetadataColumns.DELETE_FILE_POS.fieldId());
    return Schema.createRecord("position_delete", null, null, false, List.of(file, pos));
  }
}
