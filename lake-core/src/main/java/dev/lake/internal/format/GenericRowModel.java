package dev.lake.internal.format;

import dev.lake.internal.values.Decimals;
import dev.lake.internal.values.Nullability;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * The data model the Avro and Parquet writers use to read generic rows: fields looked up by name (writers pass
 * positions in the file schema, which may omit columns or order them differently), decimals fitted to the field's
 * scale, the logical-type conversions Lake's rows use. {@code dev.lake}'s record model extends it with Java records.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * new GenericDatumWriter<>(schema, new GenericRowModel()).write(genericRow, encoder);
 * }</pre>
 */
public class GenericRowModel extends GenericData {
  public GenericRowModel() {
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

  /** A generic row's field by name, an indexed record's by position. */
  @Override
  public Object getField(Object record, String name, int pos) {
    if (record instanceof GenericRecord row) {
      return genericField(row, name, pos);
    }
    if (record instanceof IndexedRecord row) {
      return row.get(pos);
    }
    return super.getField(record, name, pos);
  }

  private static Object genericField(GenericRecord row, String name, int pos) {
    List<Schema.Field> fields = row.getSchema().getFields();
    Schema.Field field = pos < fields.size() && fields.get(pos).name().equals(name) ? fields.get(pos)
        : row.getSchema().getField(name);
    if (field == null) {
      return null;
    }
    Object value = row.get(field.pos());
    if (value instanceof BigDecimal decimal
        && Nullability.nonNull(field.schema()).getLogicalType() instanceof LogicalTypes.Decimal type) {
      return Decimals.fit(decimal, type.getPrecision(), type.getScale(),
          "Field " + name + " of " + row.getSchema().getName());
    }
    return value;
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
