package dev.lake.internal.format;

import java.io.Serializable;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * What the engine and {@code dev.lake.transforms} need of {@code dev.lake}'s record model (Java records as rows:
 * their schemas, the model writers read them with, conversions to and from generic rows), without depending on
 * {@code dev.lake}. {@code dev.lake} implements it ({@code Rows} and {@code Schemas} are its public face) and hands
 * it over: as an argument to what it builds ({@code Lake.read}, {@code LakeSink}'s writers, a run's
 * {@code RunSpec}), and by {@link #install}ing it when its record model loads, for code that cannot be handed
 * anything ({@code Columns}' steps, {@code Buffer.jsonBytes()}).
 *
 * <pre>{@code
 * RecordRows records = RecordRows.installed();
 * GenericRecord row = records.toGeneric(sale);
 * Sale same = records.toRecord(row, Sale.class);
 * String json = JsonRows.toJson(sale, records.schemaOf(sale), records.model(Sale.class));
 * }</pre>
 */
public interface RecordRows extends Serializable {
  /** The schema of a Java record class ({@code Schemas.of}). */
  Schema schemaOf(Class<?> type);

  /** The model the Avro and Parquet writers read rows of {@code type} with ({@code Rows.model}). */
  GenericData model(Class<?> type);

  /** A generic row of a Java record; a GenericRecord as it is ({@code Rows.toGeneric}). */
  GenericRecord toGeneric(Object row);

  /** A record of {@code type} from a generic row, fields matched by name ({@code Rows.toRecord}). */
  <T> T toRecord(GenericRecord row, Class<T> type);

  /** The schema of a row object: its own for a GenericRecord, {@link #schemaOf(Class)} its class otherwise. */
  default Schema schemaOf(Object row) {
    Objects.requireNonNull(row, "row");
    return row instanceof GenericContainer generic ? generic.getSchema() : schemaOf(row.getClass());
  }

  /** Makes {@code records} the model {@link #installed()} returns ({@code dev.lake} calls it as it loads). */
  static void install(RecordRows records) {
    InstalledRecordRows.set(Objects.requireNonNull(records, "records"));
  }

  /**
   * The record model {@code dev.lake} installed: it does so as soon as {@code Rows}, {@code Schemas} or
   * {@code Pipeline} is used, or a run's description is read back on a Spark executor; asked before that, this loads
   * it by name.
   *
   * @throws IllegalStateException when lake-core's {@code dev.lake.RecordModel} cannot be found
   */
  static RecordRows installed() {
    return InstalledRecordRows.get();
  }
}
