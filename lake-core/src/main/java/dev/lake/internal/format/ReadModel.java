package dev.lake.internal.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * The model rows are read with: Avro logical types become Java values (Instant, LocalDate, LocalDateTime,
 * LocalTime, BigDecimal), and {@link #strings} turns Avro's {@code Utf8} into {@code String}.
 */
final class ReadModel {
  static final GenericData MODEL = create();

  private ReadModel() {}

  private static GenericData create() {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    return model;
  }

  /**
   * Turns a raw Avro value of a logical type (a long for timestamp-micros, bytes for decimal) into its Java value;
   * values that already are Java values, and values without a logical type, are returned as they are.
   */
  static Object toJava(Object value, Schema schema) {
    LogicalType type = schema.getLogicalType();
    if (value == null || type == null) {
      return value;
    }
    Conversion<?> conversion = MODEL.getConversionFor(type);
    if (conversion == null || conversion.getConvertedType().isInstance(value)) {
      return value;
    }
    return org.apache.avro.Conversions.convertToLogicalType(value, schema, type, conversion);
  }

  /** Replaces CharSequences (Avro's Utf8) by Strings throughout a value, in place where possible. */
  @SuppressWarnings("unchecked")
  static Object strings(Object value, Schema schema) {
    if (value == null) {
      return null;
    }
    switch (schema.getType()) {
      case UNION:
        return strings(value, schema.getTypes().get(MODEL.resolveUnion(schema, value)));
      case STRING:
        return value.toString();
      case RECORD:
        IndexedRecord row = (IndexedRecord) value;
        for (Schema.Field field : row.getSchema().getFields()) {
          row.put(field.pos(), strings(row.get(field.pos()), field.schema()));
        }
        return row;
      case ARRAY:
        List<Object> list = (List<Object>) value;
        for (int i = 0; i < list.size(); i++) {
          list.set(i, strings(list.get(i), schema.getElementType()));
        }
        return list;
      case MAP:
        Map<Object, Object> map = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> map.put(k.toString(), strings(v, schema.getValueType())));
        return map;
      default:
        return value;
    }
  }
}
