package dev.lake.sink.dynamodb;

import dev.lake.RowFactory;
import dev.lake.Rows;
import dev.lake.exceptions.SchemaException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item to row: the inverse of {@link Items}, driven by the row type's schema. Missing attributes become null. */
final class ItemReader<T> {
  private final Schema schema;
  private final RowFactory<T> factory;
  private final String table;
  private final String rowType;

  ItemReader(Class<T> type, Schema schema, String table) {
    this.schema = schema;
    this.rowType = type.getSimpleName();
    this.factory = Rows.factory(type, schema);
    this.table = table;
  }

  T read(Map<String, AttributeValue> item) {
    List<Schema.Field> fields = schema.getFields();
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      Schema.Field f = fields.get(i);
      values[i] = field(f, item.get(f.name()));
    }
    try {
      return factory.create(values);
    } catch (SchemaException e) {
      throw new SchemaException("Cannot read an item of " + table + " as " + schema.getName() + ": " + e.getMessage()
          + "; the item's key attributes are " + item.keySet());
    }
  }

  /** The value of one field, or a SchemaException naming the attribute, its value and the field's type. */
  private Object field(Schema.Field f, AttributeValue v) {
    try {
      return value(f.schema(), v, f.name());
    } catch (SchemaException e) {
      throw e;
    } catch (RuntimeException e) { // a string where a number is expected, a date that does not parse, 1.5 as a long
      String shown = String.valueOf(v);
      throw new SchemaException("Attribute " + f.name() + " of " + table + " is "
          + (shown.length() <= 120 ? shown : shown.substring(0, 120) + "…") + ", which does not read as "
          + rowType + "." + f.name() + " (" + type(f.schema()) + "): " + e + "; give the field the type "
          + "the table holds, or rewrite the item", e);
    }
  }

  private static String type(Schema s) {
    Schema t = s.isUnion() ? s.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).findFirst().orElse(s)
        : s;
    return t.getLogicalType() != null ? t.getLogicalType().getName() : t.getType().getName();
  }

  private Object value(Schema s, AttributeValue v, String path) {
    if (v == null || Boolean.TRUE.equals(v.nul())) {
      return null;
    }
    switch (s.getType()) {
      case UNION:
        for (Schema branch : s.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            return value(branch, v, path);
          }
        }
        return null;
      case RECORD: {
        GenericData.Record r = new GenericData.Record(s);
        for (Schema.Field f : s.getFields()) {
          r.put(f.pos(), value(f.schema(), v.m().get(f.name()), path + "." + f.name()));
        }
        return r;
      }
      case ARRAY: {
        List<Object> out = new ArrayList<>();
        for (AttributeValue e : v.l()) {
          out.add(value(s.getElementType(), e, path + "[]"));
        }
        return out;
      }
      case MAP: {
        Map<String, Object> out = new LinkedHashMap<>();
        v.m().forEach((k, e) -> out.put(k, value(s.getValueType(), e, path + "." + k)));
        return out;
      }
      case BOOLEAN:
        return v.bool();
      case STRING:
      case ENUM:
        return v.s() != null ? v.s() : v.n();
      case BYTES:
      case FIXED:
        if (s.getLogicalType() instanceof LogicalTypes.Decimal d) {
          BigDecimal n = new BigDecimal(v.n());
          return n.scale() < d.getScale() ? n.setScale(d.getScale()) : n;
        }
        return ByteBuffer.wrap(v.b().asByteArray());
      case INT:
      case LONG:
        return integral(s.getLogicalType(), v, path);
      case FLOAT:
      case DOUBLE:
        return Double.parseDouble(v.n());
      default:
        return null;
    }
  }

  private Object integral(LogicalType logical, AttributeValue v, String path) {
    if (v.s() != null) {
      String text = v.s();
      String name = logical == null ? "" : logical.getName();
      return switch (name) {
        case "date" -> LocalDate.parse(text);
        case "timestamp-millis", "timestamp-micros" -> Instant.parse(text);
        case "local-timestamp-millis", "local-timestamp-micros" -> LocalDateTime.parse(text);
        case "time-millis", "time-micros" -> LocalTime.parse(text);
        default -> throw new SchemaException("Attribute " + path + " of " + table + " is the string '" + text
            + "' but the row expects a number");
      };
    }
    return new BigDecimal(v.n()).longValueExact();
  }
}
