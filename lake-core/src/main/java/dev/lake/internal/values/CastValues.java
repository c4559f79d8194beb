package dev.lake.internal.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Java values of one type to the Java value another schema calls for; only conversions that lose nothing. */
final class CastValues {
  private CastValues() {}

  static Object cast(Object value, Schema schema) {
    if (value == null) {
      return ValueErrors.nullFor(schema, "null");
    }
    if (value instanceof CharSequence && !(value instanceof String)) {
      value = value.toString(); // Avro's Utf8
    }
    if (value instanceof String) {
      return schema.getType() == Schema.Type.STRING ? value : Values.parse((String) value, schema);
    }
    if (value instanceof JsonNode) {
      return Values.fromJson((JsonNode) value, schema);
    }
    if (schema.getType() == Schema.Type.UNION) {
      return union(value, schema);
    }
    Object result = convert(value, schema);
    if (result == null) {
      throw ValueErrors.error(schema, ValueErrors.shown(value));
    }
    return result;
  }

  private static Object convert(Object value, Schema schema) {
    if (value instanceof Number && (schema.getType() == Schema.Type.LONG || schema.getType() == Schema.Type.INT)) {
      Long v = exactLong((Number) value);
      return v == null ? null : Temporals.fromNumber(v, schema); // a long, an int, or epoch millis (days) of a time
    }
    if (Temporals.isTemporal(schema)) {
      return Temporals.fromTemporal(value, schema);
    }
    switch (schema.getType()) {
      case STRING:
        if (value instanceof BigDecimal) {
          return ((BigDecimal) value).toPlainString();
        }
        return value instanceof Number || value instanceof Boolean || value instanceof Enum
            || value instanceof GenericData.EnumSymbol || Temporals.toInstant(value) != null
            || value instanceof java.time.LocalTime ? value.toString() : null;
      case LONG: // not a number
        java.time.Instant instant = Temporals.toInstant(value);
        return instant == null ? null : instant.toEpochMilli();
      case DOUBLE:
        return value instanceof Number ? (Object) ((Number) value).doubleValue() : null;
      case FLOAT:
        return value instanceof Number ? (Object) ((Number) value).floatValue() : null;
      case BOOLEAN:
        return value instanceof Boolean ? value : null;
      case BYTES:
      case FIXED:
        return binary(value, schema);
      case ENUM:
        String symbol = value instanceof Enum ? ((Enum<?>) value).name() : value.toString();
        return schema.hasEnumSymbol(symbol) ? new GenericData.EnumSymbol(schema, symbol) : null;
      case ARRAY:
        return array(value, schema.getElementType());
      case MAP:
        return value instanceof Map ? map((Map<?, ?>) value, schema.getValueType()) : null;
      case RECORD:
        return value instanceof GenericRecord ? record((GenericRecord) value, schema) : null;
      default:
        return null;
    }
  }

  private static Object union(Object value, Schema union) {
    Schema branch = Nullability.nonNull(union);
    if (branch != union) {
      return cast(value, branch);
    }
    return Nullability.firstFit(union, candidate -> {
      Object result = convert(value, candidate);
      return result == null ? Nullability.NO_FIT : result;
    }, () -> ValueErrors.shown(value));
  }

  /** The number as a long when it is integral and in range (1.0 and 1.5E3 are; 1.5 is not), else null. */
  static Long exactLong(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    try {
      BigDecimal d = n instanceof BigDecimal ? (BigDecimal) n
          : n instanceof BigInteger ? new BigDecimal((BigInteger) n) : new BigDecimal(n.toString());
      return d.longValueExact();
    } catch (ArithmeticException | NumberFormatException notExact) {
      return null;
    }
  }

  /** Bytes (byte[], ByteBuffer) or, for a decimal, a number as a value of a bytes or fixed schema; else null. */
  static Object binary(Object value, Schema schema) {
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
      if (!(value instanceof Number)) {
        return null;
      }
      BigDecimal d = value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
      return Decimals.fit(d, schema, value.toString());
    }
    byte[] bytes = value instanceof byte[] ? (byte[]) value
        : value instanceof ByteBuffer ? Values.bytes((ByteBuffer) value) : null;
    if (bytes == null) {
      return null;
    }
    if (schema.getType() == Schema.Type.FIXED) {
      return bytes.length == schema.getFixedSize() ? new GenericData.Fixed(schema, bytes) : null;
    }
    return ByteBuffer.wrap(bytes);
  }

  private static List<Object> array(Object value, Schema element) {
    Collection<?> items = value instanceof Collection ? (Collection<?>) value
        : value instanceof Object[] ? List.of((Object[]) value) : null;
    if (items == null) {
      return null;
    }
    List<Object> out = new ArrayList<>(items.size());
    for (Object item : items) {
      out.add(cast(item, element));
    }
    return out;
  }

  private static Map<String, Object> map(Map<?, ?> value, Schema valueSchema) {
    Map<String, Object> out = new LinkedHashMap<>();
    value.forEach((k, v) -> out.put(String.valueOf(k), cast(v, valueSchema)));
    return out;
  }

  private static GenericRecord record(GenericRecord value, Schema schema) {
    if (value.getSchema().equals(schema)) {
      return value;
    }
    GenericData.Record out = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      Schema.Field source = value.getSchema().getField(field.name());
      out.put(field.pos(), cast(source == null ? null : value.get(source.pos()), field.schema()));
    }
    return out;
  }
}
