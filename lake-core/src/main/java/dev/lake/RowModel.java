package dev.lake;

import dev.lake.internal.format.RecordFieldGetters;
import dev.lake.internal.values.Decimals;
import dev.lake.internal.values.Nullability;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * The data model the Avro and Parquet writers use to read rows: Java records through generated getters, generic rows
 * by field name. Fields are always looked up by name, because writers pass positions in the file schema, which may
 * omit columns (partition columns) or order them differently.
 *
 * <p>Thread-safe. The last record class seen is remembered so most rows skip even the ClassValue lookup.
 *
 * <pre>{@code
 * new GenericDatumWriter<>(schema, new RowModel()).write(sale, encoder);
 * }</pre>
 */
final class RowModel extends GenericData implements RecordFieldGetters {
  private volatile RecordAccessors last;

  RowModel() {
    addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    addLogicalTypeConversion(new TimeConversions.DateConversion());
    addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    addLogicalTypeConversion(new Decimals.Conversion());
    addLogicalTypeConversion(new Conversions.UUIDConversion());
  }

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
    if (record instanceof GenericRecord row) {
      return genericField(row, name, pos);
    }
    if (record instanceof IndexedRecord row) {
      return row.get(pos);
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

  private static Object genericField(GenericRecord row, String name, int pos) {
    List<Schema.Field> fields = row.getSchema().getFields();
    Schema.Field field = pos < fields.size() && fields.get(pos).name().equals(name) ? fields.get(pos)
        : row.getSchema().getField(name);
    if (field == null) {
      return null;
    }
    Object value = row.get(field.pos());
    if (value instanceof java.math.BigDecimal decimal
        && Nullability.nonNull(field.schema()).getLogicalType()
            instanceof org.apache.avro.LogicalTypes.Decimal type) {
      return Decimals.fit(decimal, type.getPrecision(), type.getScale(),
          "Field " + name + " of " + row.getSchema().getName());
    }
    return value;
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

  @Override
  protected boolean isBytes(Object datum) {
    return datum instanceof ByteBuffer || datum instanceof byte[];
  }

  @Override
  protected boolean isInteger(Object datum) {
    return datum instanceof Integer || datum instanceof Short || datum instanceof Byte;
  }

  /** Nullable unions resolve without looking at names, so a row's own record name need not match the file's. */
  @Override
  public int resolveUnion(Schema union, Object datum) {
    List<Schema> types = union.getTypes();
    if (types.size() == 2) {
      boolean nullFirst = types.get(0).getType() == Schema.Type.NULL;
      if (nullFirst || types.get(1).getType() == Schema.Type.NULL) {
        return (datum == null) == nullFirst ? 0 : 1;
      }
    }
    return super.resolveUnion(union, datum);
  }
}
