package dev.lake.internal.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.exceptions.SchemaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Parses JSON trees into values of an Avro schema, with Java values for logical types: the strict reverse of
 * {@link JsonRows}, for JSON Lines files. Not to be confused with {@code dev.lake.internal.values.JsonValues}, which
 * converts JSON from outside Lake leniently (aliases, normalised names, numbers as text).
 */
final class JsonParsing {
  private JsonParsing() {}

  /**
   * The value of {@code node} as {@code schema}: records become {@link GenericData.Record}s, ISO strings become
   * Instant/LocalDate/LocalDateTime, numbers become exact BigDecimals for decimals.
   *
   * @param path where the node is, e.g. {@code $.customer.id}, for error messages
   * @throws SchemaException when the node does not fit the schema
   */
  static Object read(JsonNode node, Schema schema, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      if (schema.isNullable()) {
        return null;
      }
      throw new SchemaException("Expected " + TextParsing.describe(schema) + " but was null at " + path);
    }
    switch (schema.getType()) {
      case UNION:
        return readUnion(node, schema, path);
      case RECORD:
        expect(node.isObject(), node, schema, path);
        GenericData.Record row = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          JsonNode child = node.get(field.name());
          row.put(field.pos(), child == null && field.hasDefaultValue()
              ? ReadModel.toJava(GenericData.get().getDefaultValue(field), field.schema())
              : read(child, field.schema(), path + "." + field.name()));
        }
        return row;
      case ARRAY:
        expect(node.isArray(), node, schema, path);
        GenericData.Array<Object> list = new GenericData.Array<>(node.size(), schema);
        for (int i = 0; i < node.size(); i++) {
          list.add(read(node.get(i), schema.getElementType(), path + "[" + i + "]"));
        }
        return list;
      case MAP:
        expect(node.isObject(), node, schema, path);
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
          map.put(entry.getKey(), read(entry.getValue(), schema.getValueType(), path + "." + entry.getKey()));
        }
        return map;
      default:
        return readScalar(node, schema, path);
    }
  }

  private static Object readUnion(JsonNode node, Schema union, String path) {
    List<Schema> branches = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    SchemaException last = null;
    for (Schema branch : branches) {
      try {
        return read(node, branch, path);
      } catch (SchemaException e) {
        last = e;
      }
    }
    if (branches.size() == 1 && last != null) {
      throw last;
    }
    throw new SchemaException("Expected one of " + union + " but was " + node + " at " + path, last);
  }

  private static Object readScalar(JsonNode node, Schema schema, String path) {
    if (node.isTextual()) {
      return TextParsing.scalar(node.textValue(), schema, path);
    }
    String logical = schema.getLogicalType() == null ? "" : schema.getLogicalType().getName();
    if (logical.equals("decimal") && node.isNumber()) {
      try {
        return TextParsing.decimal(node.decimalValue(), schema);
      } catch (ArithmeticException e) {
        throw new SchemaException("Expected " + TextParsing.describe(schema) + " but was " + node + " at " + path, e);
      }
    }
    switch (schema.getType()) {
      case INT:
        expect(node.isIntegralNumber() && node.canConvertToInt(), node, schema, path);
        return ReadModel.toJava(node.intValue(), schema);
      case LONG:
        expect(node.isIntegralNumber() && node.canConvertToLong(), node, schema, path);
        return ReadModel.toJava(node.longValue(), schema);
      case FLOAT:
        expect(node.isNumber(), node, schema, path);
        return node.floatValue();
      case DOUBLE:
        expect(node.isNumber(), node, schema, path);
        return node.doubleValue();
      case BOOLEAN:
        expect(node.isBoolean(), node, schema, path);
        return node.booleanValue();
      case STRING:
        expect(node.isValueNode(), node, schema, path);
        return node.asText();
      case BYTES:
        try {
          return ByteBuffer.wrap(node.binaryValue());
        } catch (IOException e) {
          throw new SchemaException("Expected base64 bytes but was " + node + " at " + path, e);
        }
      default:
        expect(false, node, schema, path);
        return null;
    }
  }

  private static void expect(boolean condition, JsonNode node, Schema schema, String path) {
    if (!condition) {
      throw new SchemaException("Expected " + TextParsing.describe(schema) + " but was " + node + " at " + path);
    }
  }
}
