package dev.lake;

import dev.lake.internal.format.RecordRows;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The record model as the engine sees it ({@link RecordRows}): {@link Rows} and {@link Schemas}, handed to the engine
 * by what builds its objects, and installed for the rest as this enum loads. An enum so that a run's description read
 * back on a Spark executor installs it there too.
 *
 * <pre>{@code
 * RecordRows records = RecordModel.install();
 * GenericRecord row = records.toGeneric(sale);
 * }</pre>
 */
enum RecordModel implements RecordRows {
  INSTANCE;

  static {
    RecordRows.install(INSTANCE);
  }

  /** The model, installed for {@link RecordRows#installed()} (once, as this enum loads). */
  static RecordModel install() {
    return INSTANCE;
  }

  @Override
  public Schema schemaOf(Class<?> type) {
    return Schemas.of(type);
  }

  @Override
  public GenericData model(Class<?> type) {
    return Rows.model(type);
  }

  @Override
  public GenericRecord toGeneric(Object row) {
    return Rows.toGeneric(row);
  }

  @Override
  public <T> T toRecord(GenericRecord row, Class<T> type) {
    return Rows.toRecord(row, type);
  }
}
