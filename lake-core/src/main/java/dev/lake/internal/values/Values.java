package dev.lake.internal.values;

import static dev.lake.internal.values.ValueErrors.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Parses and casts single values to the Java value an Avro schema calls for (Long, Integer, Double, Float, Boolean,
 * String, Instant, LocalDate, LocalDateTime, LocalTime, BigDecimal, ByteBuffer, List, Map, GenericRecord). Errors are
 * {@link IllegalArgumentException}s saying what was expected and what was found, e.g.
 * {@code Expected a long but was 'abc'}; callers add the field name and position.
 *
 * <p>Text rules: empty text is null for nullable schemas; numbers parse into integer types only when integral
 * ({@code "17850.0"} is 17850L); timestamps take ISO-8601 with or without a zone ({@code "2010-12-01 08:26:00"} is
 * read as UTC) or epoch milliseconds; bytes are base64; arrays, maps and records are read from JSON text.
 *
 * <pre>{@code
 * Values.parse("17850.0", Schema.create(Schema.Type.LONG));   // 17850L
 * Values.parse("", nullableLong);                             // null
 * Values.parse("abc", Schema.create(Schema.Type.LONG));       // IllegalArgumentException: Expected a long but was 'abc'
 * }</pre>
 */
public final class Values {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Values() {}

  /** Parses text (a CSV field) into a value of {@code schema}; empty text is null for nullable schemas. */
  public static Object parse(String text, Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      return parseUnion(text, schema);
    }
    if (text == null) {
      return ValueErrors.nullFor(schema, "null");
    }
    switch (schema.getType()) {
      case STRING:
        return text;
      case LONG:
      case INT:
        return schema.getLogicalType() == null ? parseWhole(text, schema) : parseTemporal(text, schema);
      case DOUBLE: {
        Double d = TextValues.toDouble(trim(text));
        return d != null ? d : fail(schema, text);
      }
      case FLOAT: {
        Double d = TextValues.toDouble(trim(text));
        return d != null ? (Object) d.floatValue() : fail(schema, text);
      }
      case BOOLEAN: {
        Boolean b = TextValues.toBoolean(trim(text));
        return b != null ? b : fail(schema, text);
      }
      case BYTES:
      case FIXED:
        return parseBinary(text, schema);
      case ENUM:
        return schema.hasEnumSymbol(text) ? new GenericData.EnumSymbol(schema, text) : fail(schema, text);
      case NULL:
        return text.isEmpty() ? null : fail(schema, text);
      default: // ARRAY, MAP, RECORD: the text holds JSON
        return fromJson(readJson(text, schema), schema);
    }
  }

  /**
   * {@link #parse(String, Schema)} of {@code text.substring(from, to)} (a field within a CSV line): the same value or
   * the same error, with plain ints, longs and decimals ({@code "-12"}, {@code "17850.0"}, {@code "2.55"}) read from
   * the characters in place, without the substring.
   */
  public static Object parse(String text, int from, int to, Schema schema) {
    Schema type = schema;
    if (schema.getType() == Schema.Type.UNION) {
      type = from == to ? schema : Nullability.nonNull(schema); // empty text: null, or the union's error
    }
    if (type.getType() != Schema.Type.UNION) {
      Object value = PlainNumbers.read(text, from, to, type);
      if (value != PlainNumbers.NOT_PLAIN) {
        return value;
      }
    }
    return parse(text.substring(from, to), schema);
  }

  /** Converts a JSON node into a value of {@code schema}; JSON null and a missing node are null. */
  public static Object fromJson(JsonNode node, Schema schema) {
    return JsonValues.convert(node, schema);
  }

  /** Casts a value of any supported Java type to {@code schema} (e.g. "12" to 12L, 1.5 to "1.5"). */
  public static Object cast(Object value, Schema schema) {
    return CastValues.cast(value, schema);
  }

  private static Object parseUnion(String text, Schema union) {
    if ((text == null || text.isEmpty()) && Nullability.isNullable(union)) {
      return null;
    }
    Schema branch = Nullability.nonNull(union);
    if (branch != union) {
      return parse(text, branch);
    }
    return Nullability.firstFit(union, candidate -> Nullability.orNoFit(() -> parse(text, candidate)),
        () -> ValueErrors.quote(text));
  }

  private static Object parseWhole(String text, Schema schema) {
    Long v = TextValues.toLong(trim(text));
    Object value = v == null ? null : Temporals.fromNumber(v, schema); // the long, or the int when in range
    return value != null ? value : fail(schema, text);
  }

  private static Object parseTemporal(String text, Schema schema) {
    Object value = Temporals.fromText(trim(text), schema);
    return value != null ? value : fail(schema, text);
  }

  private static Object parseBinary(String text, Schema schema) {
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
      String t = trim(text);
      if (!TextValues.isNumber(t)) {
        return fail(schema, text);
      }
      return Decimals.fit(new BigDecimal(t), schema, text);
    }
    Object value;
    try {
      value = CastValues.binary(Base64.getDecoder().decode(text), schema);
    } catch (IllegalArgumentException notBase64) {
      return fail(schema, text);
    }
    return value != null ? value : fail(schema, text);
  }

  private static JsonNode readJson(String text, Schema schema) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      throw ValueErrors.error(schema, ValueErrors.quote(text));
    }
  }

  /** The bytes of {@code buffer} from its position to its limit, leaving the buffer as it was. */
  public static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  /** Text without surrounding blanks; the common case (none) allocates nothing. */
  static String trim(String text) {
    int n = text.length();
    return n > 0 && (text.charAt(0) <= ' ' || text.charAt(n - 1) <= ' ') ? text.trim() : text;
  }
}
