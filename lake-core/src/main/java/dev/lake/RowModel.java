package dev.lake;

import dev.lake.internal.format.GenericRowModel;
import dev.lake.internal.format.RecordFieldGetters;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * The data model the Avro and Parquet writers use to read rows: Java records through generated getters, generic rows
 * by field name ({@link GenericRowModel}, which also holds the logical-type conversions). Fields are always looked up
 * by name, because writers pass positions in the file schema, which may omit columns (partition columns) or order
 * them differently.
 *
 * <p>Thread-safe. The last record class seen is remembered so most rows skip even the ClassValue lookup.
 *
 * <pre>{@code
 * new GenericDatumWriter<>(schema, new RowModel()).write(sale, encoder);
 * }</pre>
 */
final class RowModel extends GenericRowModel implements RecordFieldGetters {
  private volatile RecordAccessors last;

  /**
   * Getters of a record class's components in the order of {@code fileSchema}'s fields, returning what Avro and
   * Parquet writers expect (see {@link RecordAccessors}); a field without a component reads null.
   */
  @Override
  public Function<Object, Object>[] fieldGetters(Class<?> recordClass, Schema fileSchema) {
    return RecordAccessors.of(recordClass).writersFor(fileSchema);
  }

  private RecordAccessors accessors(Class<?> type) {
    RecordAccessors hit = last;
    if (hit != null && hit.type == type) {
      return hit;
    }
    hit = RecordAccessors.of(type);
    last = hit;
    return hit;
  }

  @Override
  public Object getField(Object record, String name, int pos) {
    if (record instanceof IndexedRecord) {
      return super.getField(record, name, pos);
    }
    return accessors(record.getClass()).writer(name, pos).apply(record);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object getField(Object record, String name, int pos, Object state) {
    if (state instanceof Function<?, ?>[] getters) {
      return ((Function<Object, Object>) getters[pos]).apply(record);
    }
    return getField(record, name, pos);
  }

  @Override
  protected Object getRecordState(Object record, Schema schema) {
    if (record instanceof IndexedRecord) {
      return null;
    }
    return accessors(record.getClass()).writersFor(schema);
  }

  @Override
  public boolean isRecord(Object datum) {
    return datum instanceof IndexedRecord || (datum != null && datum.getClass().isRecord());
  }

  @Override
  public Schema getRecordSchema(Object record) {
    return record instanceof GenericRecord row ? row.getSchema() : RecordSchemas.of(record.getClass());
  }

  @Override
  protected boolean isEnum(Object datum) {
    return datum instanceof GenericEnumSymbol || datum instanceof Enum;
  }

  @Override
  protected Schema getEnumSchema(Object enu) {
    return enu instanceof Enum<?> e ? RecordSchemas.ofEnum(e.getDeclaringClass()) : super.getEnumSchema(enu);
  }
}
