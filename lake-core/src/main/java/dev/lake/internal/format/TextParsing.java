package dev.lake.internal.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lake.exceptions.SchemaException;
import dev.lake.internal.values.Decimals;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Parses the text of CSV and JSON Lines files back into values of an Avro schema, strictly: the text must have the
 * shapes that {@link JsonRows} renders ({@code "2011-01-05T08:26:00Z"}, plain-digit decimals, base64 bytes), and
 * anything else is a {@link SchemaException} naming the expected type and the path. Not to be confused with the
 * lenient parsers of {@code dev.lake.internal.values.TextValues}, which read input from outside Lake.
 */
final class TextParsing {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private TextParsing() {}

  /**
   * Parses CSV text of any schema: empty text is null (or "" for a non-nullable string), records, lists and maps are
   * JSON text.
   */
  static Object parse(String text, Schema schema, String path) {
    if (text.isEmpty()) {
      return schema.getType() == Schema.Type.STRING ? "" : null;
    }
    Schema type = schema;
    if (type.getType() == Schema.Type.UNION) {
      type = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }
    switch (type.getType()) {
      case RECORD, ARRAY, MAP, UNION:
        try {
          return JsonParsing.read(MAPPER.readTree(text), schema, path);
        } catch (IOException e) {
          throw new SchemaException("Expected " + describe(type) + " as JSON but was \"" + text + "\" at " + path, e);
        }
      default:
        return scalar(text, type, path);
    }
  }

  /** Parses the text of a scalar (non-union, non-container) schema. */
  static Object scalar(String text, Schema schema, String path) {
    try {
      LogicalType logical = schema.getLogicalType();
      if (logical != null) {
        switch (logical.getName()) {
          case "date":
            return LocalDate.parse(text);
          case "timestamp-millis", "timestamp-micros", "timestamp-nanos":
            return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
          case "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos":
            return LocalDateTime.parse(text);
          case "time-millis", "time-micros":
            return LocalTime.parse(text);
          case "decimal":
            return decimal(new BigDecimal(text), schema);
          default:
            break;
        }
      }
      return switch (schema.getType()) {
        case STRING -> text;
        case INT -> Integer.parseInt(text);
        case LONG -> Long.parseLong(text);
        case FLOAT -> Float.parseFloat(text);
        case DOUBLE -> Double.parseDouble(text);
        case BOOLEAN -> parseBoolean(text);
        case BYTES -> ByteBuffer.wrap(Base64.getDecoder().decode(text));
        case FIXED -> new GenericData.Fixed(schema, Base64.getDecoder().decode(text));
        case ENUM -> {
          if (!schema.hasEnumSymbol(text)) {
            throw new IllegalArgumentException("not one of " + schema.getEnumSymbols());
          }
          yield new GenericData.EnumSymbol(schema, text);
        }
        default -> throw new IllegalArgumentException("not a scalar type");
      };
    } catch (RuntimeException e) {
      throw new SchemaException("Expected " + describe(schema) + " but was \"" + text + "\" at " + path, e);
    }
  }

  /** A decimal at the schema's scale; fails rather than rounding. */
  static BigDecimal decimal(BigDecimal value, Schema schema) {
    LogicalTypes.Decimal type = (LogicalTypes.Decimal) schema.getLogicalType();
    BigDecimal scaled = Decimals.rescaled(value, type.getPrecision(), type.getScale());
    if (scaled == null) {
      throw new ArithmeticException(value.toPlainString() + " needs rounding or more than " + type.getPrecision()
          + " digits");
    }
    return scaled;
  }

  private static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    } else if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("not true or false");
  }

  /** "an int", "a timestamp-micros", "a decimal(10,2)". */
  static String describe(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    String name;
    if (logical instanceof LogicalTypes.Decimal d) {
      name = "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    } else {
      name = logical != null ? logical.getName() : schema.getType().getName();
    }
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }
}
