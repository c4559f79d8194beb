package dev.lake.sink.iceberg;

import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;

/**
 * Writes one Iceberg position delete file: rows {@code (file_path, pos)} sorted by file and position, as the spec
 * requires, in the partition of the data files they point into. A position delete applies to data files whose data
 * sequence number is at most its own, so it also removes rows added in the same snapshot.
 *
 * <pre>{@code
 * DeleteFile d = PositionDeleteFiles.write(table, partition, "pos-deletes-run-1-00000.parquet",
 *     List.of(new PositionDeleteFiles.Position(dataFile, 17)), 8 << 20);
 * }</pre>
 */
final class PositionDeleteFiles {
  private static final Schema POSITIONS = positionSchema();

  /** One deleted row: its data file's location and its 0-based position in it. */
  record Position(String file, long pos) {}

  private PositionDeleteFiles() {}

  /**
   * Writes {@code positions} (all in {@code partition}) to a new file named {@code name} under the table's data
   * location; {@code written} gets its URI before anything is written, for removal when the commit does not happen.
   */
  static DeleteFile write(Table table, PartitionValues partition, String name, List<Position> positions,
      long rowGroupBytes, List<URI> written) throws IOException {
    PartitionSpec spec = table.spec();
    String location = spec.isUnpartitioned() ? table.locationProvider().newDataLocation(name)
        : table.locationProvider().newDataLocation(spec, partition, name);
    URI uri = LakeFileIO.uri(location);
    written.add(uri);
    List<Position> sorted = new ArrayList<>(positions);
    sorted.sort(Comparator.comparing(Position::file).thenComparingLong(Position::pos));
    WriteSpec writeSpec = WriteSpec.builder().format(FileFormat.PARQUET).compression(Compression.SNAPPY)
        .schema(POSITIONS).model(GenericData.get()).rowGroupBytes(rowGroupBytes).build();
    try (RowFileWriter w = FileFormats.newWriter(writeSpec, LakeFileIO.store(location).newWriter(uri))) {
      for (Position p : sorted) {
        GenericRecord r = new GenericData.Record(POSITIONS);
        r.put("file_path", p.file());
        r.put("pos", p.pos());
        w.write(r);
      }
      w.commit();
      FileMetadata.Builder builder = FileMetadata.deleteFileBuilder(spec).ofPositionDeletes()
          .withPath(location)
          .withFormat(org.apache.iceberg.FileFormat.PARQUET)
          .withFileSizeInBytes(w.bytes())
          .withMetrics(IcebergMetrics.of(w.metrics().orElseThrow(), table.schema()));
      if (!spec.isUnpartitioned()) {
        builder.withPartition(partition);
      }
      return builder.build();
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
