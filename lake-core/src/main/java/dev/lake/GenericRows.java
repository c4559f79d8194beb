package dev.lake;

import dev.lake.internal.values.Nullability;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Conversions between Java records and generic rows, with factories cached per (record class, schema). *
 * <pre>{@code
 * Sale same = GenericRows.toRecord(GenericRows.toGeneric(sale), Sale.class);
 * }</pre>
 */
final class GenericRows {
  private static final ClassValue<Map<Schema, RowFactory<?>>> FACTORIES = new ClassValue<>() {
    @Override
    protected Map<Schema, RowFactory<?>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private GenericRows() {}

  /** A record of {@code type} from a generic row, fields matched by name. */
  @SuppressWarnings("unchecked")
  static <T> T toRecord(GenericRecord row, Class<T> type) {
    if (row == null || type == null) {
      throw new NullPointerException(row == null ? "row" : "type");
    }
    if (type.isInstance(row)) {
      return type.cast(row);
    }
    Schema schema = row.getSchema();
    RowFactory<?> factory = FACTORIES.get(type).computeIfAbsent(schema, s -> RowFactories.create(type, s));
    int size = schema.getFields().size();
    Object[] values = new Object[size];
    for (int i = 0; i < size; i++) {
      values[i] = row.get(i);
    }
    return (T) factory.create(values);
  }

  /** A generic row of a Java record; a GenericRecord is returned as it is. */
  static GenericRecord toGeneric(Object row) {
    if (row == null) {
      throw new NullPointerException("row");
    }
    if (row instanceof GenericRecord generic) {
      return generic;
    }
    RecordAccessors accessors = RecordAccessors.of(row.getClass());
    GenericData.Record out = new GenericData.Record(accessors.schema);
    List<Schema.Field> fields = accessors.schema.getFields();
    for (int i = 0; i < accessors.raw.length; i++) {
      out.put(i, generic(accessors.raw[i].apply(row), Nullability.nonNull(fields.get(i).schema())));
    }
    return out;
  }

  private static Object generic(Object value, Schema schema) {
    if (value == null) {
      return null;
    }
    if (value.getClass().isRecord()) {
      return toGeneric(value);
    }
    if (value instanceof Enum<?> e) {
      return new GenericData.EnumSymbol(schema, e.name());
    }
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object element : c) {
        out.add(generic(element, schema.getElementType()));
      }
      return out;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k.toString(), generic(v, schema.getValueType())));
      return out;
    }
    return value;
  }
}
