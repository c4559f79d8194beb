package dev.lake.internal.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * JSON nodes to Avro-typed Java values. Lenient where nothing is lost: a number into a string field is its text, a
 * numeric string into a long field is parsed, {@code 1.0} fits a long, and {@code ""} is null for nullable
 * non-string fields. Record keys match field names exactly, then aliases, then normalised (case and punctuation
 * ignored); unknown keys are ignored.
 */
final class JsonValues {
  private JsonValues() {}

  static Object convert(JsonNode node, Schema schema) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return ValueErrors.nullFor(schema, "null");
    }
    if (schema.getType() == Schema.Type.UNION) {
      return union(node, schema);
    }
    if (node.isTextual()) {
      return Values.parse(node.textValue(), schema);
    }
    switch (schema.getType()) {
      case STRING:
        return node.isValueNode() ? node.asText() : node.toString();
      case LONG:
      case INT:
        if (node.isNumber()) {
          return number(node, schema);
        }
        break;
      case DOUBLE:
        if (node.isNumber()) {
          return node.doubleValue();
        }
        break;
      case FLOAT:
        if (node.isNumber()) {
          return node.floatValue();
        }
        break;
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        break;
      case BYTES:
      case FIXED:
        if (node.isNumber() && schema.getLogicalType() instanceof LogicalTypes.Decimal) {
          return Decimals.fit(node.decimalValue(), schema, node.asText());
        }
        break;
      case ARRAY:
        if (node.isArray()) {
          return array(node, schema.getElementType());
        }
        break;
      case MAP:
        if (node.isObject()) {
          Map<String, Object> map = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> e : node.properties()) {
            map.put(e.getKey(), convert(e.getValue(), schema.getValueType()));
          }
          return map;
        }
        break;
      case RECORD:
        if (node.isObject()) {
          return record(node, schema);
        }
        break;
      default:
        break;
    }
    throw ValueErrors.error(schema, ValueErrors.shown(node));
  }

  private static Object number(JsonNode node, Schema schema) {
    Long v = CastValues.exactLong(node.numberValue());
    Object value = v == null ? null : Temporals.fromNumber(v, schema);
    if (value == null) {
      throw ValueErrors.error(schema, ValueErrors.shown(node));
    }
    return value;
  }

  private static Object union(JsonNode node, Schema union) {
    Schema branch = Nullability.nonNull(union);
    if (node.isTextual() && node.textValue().isEmpty() && branch.getType() != Schema.Type.STRING) {
      return ValueErrors.nullFor(union, "''"); // "" in a nullable number, date...: no value
    }
    if (branch != union) {
      return convert(node, branch);
    }
    return Nullability.firstFit(union, candidate -> Nullability.orNoFit(() -> convert(node, candidate)),
        () -> ValueErrors.shown(node));
  }

  private static List<Object> array(JsonNode node, Schema element) {
    List<Object> list = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      try {
        list.add(convert(node.get(i), element));
      } catch (IllegalArgumentException e) {
        throw at(e, "[" + i + "]");
      }
    }
    return list;
  }

  private static GenericData.Record record(JsonNode node, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = find(node, field);
      try {
        if (value == null && field.hasDefaultValue() && !Nullability.isNullable(field.schema())) {
          record.put(field.pos(), GenericData.get().getDefaultValue(field));
        } else {
          record.put(field.pos(), convert(value, field.schema()));
        }
      } catch (IllegalArgumentException e) {
        throw at(e, field.name());
      }
    }
    return record;
  }

  /** The node for a field: by name, an alias, or the normalised name ("artistName" for "artist_name"). */
  static JsonNode find(JsonNode object, Schema.Field field) {
    JsonNode value = object.get(field.name());
    if (value != null) {
      return value;
    }
    for (String alias : field.aliases()) {
      value = object.get(alias);
      if (value != null) {
        return value;
      }
    }
    String wanted = Names.normalise(field.name());
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (Names.normalise(key).equals(wanted)) {
        return object.get(key);
      }
    }
    return null;
  }

  /** Adds a path step to a nested error: "Expected a long but was 'x' at year", then "at song.year". */
  private static PathException at(IllegalArgumentException e, String step) {
    if (e instanceof PathException) {
      PathException p = (PathException) e;
      return new PathException(p.base, step + (p.path.startsWith("[") ? "" : ".") + p.path, e);
    }
    return new PathException(e.getMessage(), step, e);
  }

  /** A value error inside a record or array, with the path to it. */
  private static final class PathException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final String base;
    final String path;

    PathException(String base, String path, Throwable cause) {
      super(base + " at " + path, cause);
      this.base = base;
      this.path = path;
    }
  }
}
