package dev.lake.cli;

import dev.lake.Schemas;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Avro schemas and values as people read them: {@code decimal(10,3)}, {@code timestamp-micros}, {@code string},
 * nullability from {@code ["null", T]} unions, and logical values shown as dates and times.
 *
 * <pre>{@code
 * SchemaText.type(field.schema());       // "decimal(10,3)"
 * SchemaText.nullable(field.schema());   // true for ["null", ...]
 * }</pre>
 */
final class SchemaText {
  private SchemaText() {}

  static boolean nullable(Schema s) {
    return s.getType() == Schema.Type.NULL
        || s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
  }

  static String type(Schema schema) {
    Schema s = Schemas.nonNull(schema);
    LogicalType logical = s.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal d) {
      return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    if (logical != null) {
      return logical.getName();
    }
    return switch (s.getType()) {
      case ARRAY -> "array<" + type(s.getElementType()) + ">";
      case MAP -> "map<string," + type(s.getValueType()) + ">";
      case RECORD -> "record " + s.getName() + "{" + s.getFields().stream()
          .map(f -> f.name() + ": " + type(f.schema())).collect(Collectors.joining(", ")) + "}";
      case ENUM -> "enum" + s.getEnumSymbols();
      case UNION -> s.getTypes().stream().map(SchemaText::type).collect(Collectors.joining(" | "));
      case FIXED -> "fixed(" + s.getFixedSize() + ")";
      default -> s.getType().getName();
    };
  }

  /** A value of a field for display: logical longs and ints as times and dates, bytes as a length. */
  static Object value(Object v, Schema schema) {
    if (v == null) {
      return null;
    }
    Schema s = Schemas.nonNull(schema);
    LogicalType logical = s.getLogicalType();
    String name = logical == null ? "" : logical.getName();
    if (v instanceof Long l) {
      switch (name) {
        case "timestamp-millis":
          return Instant.ofEpochMilli(l);
        case "timestamp-micros":
          return Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000L), Math.floorMod(l, 1_000_000L) * 1000);
        case "local-timestamp-millis":
          return LocalDateTime.ofInstant(Instant.ofEpochMilli(l), ZoneOffset.UTC);
        case "local-timestamp-micros":
          return LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000L),
              Math.floorMod(l, 1_000_000L) * 1000), ZoneOffset.UTC);
        default:
          return v;
      }
    }
    if (v instanceof Integer i && name.equals("date")) {
      return LocalDate.ofEpochDay(i);
    }
    if (v instanceof ByteBuffer b) {
      if (logical instanceof LogicalTypes.Decimal d) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return new java.math.BigDecimal(new java.math.BigInteger(bytes), d.getScale());
      }
      return "<" + b.remaining() + " bytes>";
    }
    if (v instanceof CharSequence c) {
      return c.toString();
    }
    return v;
  }
}
