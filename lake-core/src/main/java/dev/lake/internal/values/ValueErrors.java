package dev.lake.internal.values;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The one place that words a conversion error: "Expected " what the schema holds " but was " the value as shown. Every
 * parser and cast of this package fails through it, so that text, JSON and Java values get the same messages; callers
 * outside add the field name and position.
 *
 * <pre>{@code
 * ValueErrors.error(Schema.create(Schema.Type.LONG), ValueErrors.quote("abc")); // Expected a long but was 'abc'
 * }</pre>
 */
final class ValueErrors {
  private ValueErrors() {}

  /** What a schema holds, for messages: "a long", "a timestamp", "a decimal(10,2)". */
  static String describe(Schema schema) {
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
      return "a decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    if (schema.getLogicalType() != null) {
      switch (Temporals.kind(schema)) {
        case INSTANT:
          return "a timestamp";
        case LOCAL_DATE_TIME:
          return "a local timestamp";
        case TIME:
          return "a time";
        case DATE:
          return "a date";
        default:
          return "a " + schema.getLogicalType().getName();
      }
    }
    switch (schema.getType()) {
      case INT:
        return "an int";
      case ARRAY:
        return "an array";
      case ENUM:
        return "one of " + schema.getEnumSymbols();
      case BYTES:
        return "base64 bytes";
      case FIXED:
        return "base64 bytes of length " + schema.getFixedSize();
      case UNION:
        return "one of " + schema.getTypes();
      default:
        return "a " + schema.getType().getName();
    }
  }

  /** The failure for {@code shown} (already rendered: quoted text, a number, "null", "an object"). */
  static IllegalArgumentException error(Schema schema, String shown) {
    return new IllegalArgumentException("Expected " + describe(schema) + " but was " + shown);
  }

  /** Throws the failure for {@code text}, quoted; typed to return so that parsers can {@code return fail(...)}. */
  static Object fail(Schema schema, String text) {
    throw error(schema, quote(text));
  }

  /** Null when {@code schema} is nullable, else the failure for {@code shown}. */
  static Object nullFor(Schema schema, String shown) {
    if (Nullability.isNullable(schema)) {
      return null;
    }
    throw error(schema, shown);
  }

  /** Text as shown in messages: quoted, cut at 100 characters. */
  static String quote(String text) {
    return "'" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'";
  }

  /** A Java value as shown in messages: numbers and booleans as they are, the rest quoted; then its class. */
  static String shown(Object value) {
    String text = value instanceof Number || value instanceof Boolean ? value.toString() : quote(String.valueOf(value));
    return text + " (" + value.getClass().getSimpleName() + ")";
  }

  /** A JSON node as shown in messages: "an object", "an array", quoted text, or the number or boolean. */
  static String shown(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    return node.isTextual() ? quote(node.textValue()) : node.asText();
  }
}
