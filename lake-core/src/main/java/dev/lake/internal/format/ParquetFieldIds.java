package dev.lake.internal.format;

import dev.lake.internal.values.Nullability;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Carries field ids from an Avro schema into the Parquet schema parquet-avro derives from it, in Apache Iceberg's
 * convention: a record field's {@code field-id} property, an array's {@code element-id}, a map's {@code key-id} and
 * {@code value-id}. Engines that read by field id (every Iceberg reader) need them in the file; readers by name
 * ignore them. A schema without these properties comes back unchanged.
 *
 * <pre>{@code
 * MessageType withIds = ParquetFieldIds.apply(new AvroSchemaConverter(conf).convert(schema), schema);
 * }</pre>
 */
final class ParquetFieldIds {
  static final String FIELD_ID = "field-id";
  static final String ELEMENT_ID = "element-id";
  static final String KEY_ID = "key-id";
  static final String VALUE_ID = "value-id";

  private ParquetFieldIds() {}

  /** True when the schema names any field id, so that {@link #apply} would change something. */
  static boolean present(Schema schema) {
    return schema.toString().contains("\"" + FIELD_ID + "\"");
  }

  static MessageType apply(MessageType message, Schema record) {
    return new MessageType(message.getName(), fields(message, record));
  }

  private static List<Type> fields(GroupType group, Schema record) {
    List<Type> out = new ArrayList<>();
    for (Type t : group.getFields()) {
      Schema.Field f = record.getField(t.getName());
      if (f == null) {
        out.add(t);
        continue;
      }
      Type typed = nested(t, Nullability.nonNull(f.schema()));
      Integer id = id(f.getObjectProp(FIELD_ID));
      out.add(id == null ? typed : typed.withId(id));
    }
    return out;
  }

  private static Type nested(Type t, Schema avro) {
    if (t.isPrimitive()) {
      return t;
    }
    GroupType g = t.asGroupType();
    switch (avro.getType()) {
      case RECORD:
        return g.withNewFields(fields(g, avro));
      case ARRAY: {
        // LIST → repeated group "list" → "element"
        GroupType repeated = g.getType(0).isPrimitive() ? null : g.getType(0).asGroupType();
        if (repeated == null || repeated.getFieldCount() != 1) {
          return g;
        }
        Type element = nested(repeated.getType(0), Nullability.nonNull(avro.getElementType()));
        Integer id = id(avro.getObjectProp(ELEMENT_ID));
        return g.withNewFields(repeated.withNewFields(id == null ? element : element.withId(id)));
      }
      case MAP: {
        // MAP → repeated group "key_value" → "key", "value"
        GroupType kv = g.getType(0).isPrimitive() ? null : g.getType(0).asGroupType();
        if (kv == null || kv.getFieldCount() != 2) {
          return g;
        }
        Type key = kv.getType(0);
        Type value = nested(kv.getType(1), Nullability.nonNull(avro.getValueType()));
        Integer keyId = id(avro.getObjectProp(KEY_ID));
        Integer valueId = id(avro.getObjectProp(VALUE_ID));
        return g.withNewFields(kv.withNewFields(keyId == null ? key : key.withId(keyId),
            valueId == null ? value : value.withId(valueId)));
      }
      default:
        return g;
    }
  }

  private static Integer id(Object prop) {
    if (prop instanceof Number n) {
      return n.intValue();
    }
    if (prop instanceof String s && !s.isBlank()) {
      return Integer.valueOf(s.trim());
    }
    return null;
  }
}
