package dev.lake.sink.dynamodb;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Row to item, the DynamoDB way. Schema-driven (the Avro schema of the row), so a field's attribute type does not
 * depend on one value. Numbers are checked against DynamoDB's limits (38 significant digits, magnitude 1E-130 to
 * 9.99E125) so a bad number rejects its row instead of failing a whole batch.
 */
final class Items {
  /** DynamoDB's item size limit, 400 KB. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  private static final AttributeValue NULL = AttributeValue.builder().nul(true).build();
  private static final BigDecimal MAX_NUMBER = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN_NUMBER = new BigDecimal("1E-130");

  private Items() {}

  /** A bad value in a row: the field path, the value and why. */
  static final class ItemException extends RuntimeException {
    ItemException(String message) {
      super(message, null, false, false);
    }
  }

  /** The item of {@code row}, whose schema is {@code schema} (a record). Null top-level fields are omitted. */
  static Map<String, AttributeValue> toItem(Object row, Schema schema, GenericData model) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (Schema.Field f : schema.getFields()) {
      Object v = model.getField(row, f.name(), f.pos());
      if (v != null) {
        item.put(f.name(), value(f.schema(), v, model, f.name()));
      }
    }
    return item;
  }

  static AttributeValue value(Schema s, Object v, GenericData model, String path) {
    if (v == null) {
      return NULL;
    }
    switch (s.getType()) {
      case UNION: {
        int branch = model.resolveUnion(s, v);
        return value(s.getTypes().get(branch), v, model, path);
      }
      case RECORD: {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (Schema.Field f : s.getFields()) {
          Object fv = model.getField(v, f.name(), f.pos());
          if (fv != null) {
            m.put(f.name(), value(f.schema(), fv, model, path + "." + f.name()));
          }
        }
        return AttributeValue.builder().m(m).build();
      }
      case ARRAY: {
        List<AttributeValue> l = new ArrayList<>();
        int i = 0;
        Iterable<?> items = v instanceof Object[] a ? List.of(a) : (Collection<?>) v;
        for (Object e : items) {
          l.add(value(s.getElementType(), e, model, path + "[" + i++ + "]"));
        }
        return AttributeValue.builder().l(l).build();
      }
      case MAP: {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          String k = String.valueOf(e.getKey());
          m.put(k, value(s.getValueType(), e.getValue(), model, path + "." + k));
        }
        return AttributeValue.builder().m(m).build();
      }
      case BOOLEAN:
        return AttributeValue.builder().bool((Boolean) v).build();
      case NULL:
        return NULL;
      case STRING:
      case ENUM:
        return AttributeValue.builder().s(v.toString()).build();
      case BYTES:
      case FIXED:
        if (s.getLogicalType() instanceof LogicalTypes.Decimal d) {
          BigDecimal n = v instanceof BigDecimal b ? b : new BigDecimal(
              new java.math.BigInteger(bytes(v)), d.getScale());
          return number(n, path);
        }
        return AttributeValue.builder().b(SdkBytes.fromByteArray(bytes(v))).build();
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
        return numeric(s.getLogicalType(), v, path);
      default:
        throw new ItemException("Field " + path + " has type " + s.getType() + ", which has no DynamoDB mapping");
    }
  }

  private static AttributeValue numeric(LogicalType logical, Object v, String path) {
    if (v instanceof TemporalAccessor t) {
      return AttributeValue.builder().s(iso(t)).build();
    }
    if (logical != null && v instanceof Number n) {
      String name = logical.getName();
      long x = n.longValue();
      String iso = switch (name) {
        case "date" -> LocalDate.ofEpochDay(x).toString();
        case "timestamp-millis" -> Instant.ofEpochMilli(x).toString();
        case "timestamp-micros" -> Instant.EPOCH.plusNanos(x * 1000).toString();
        case "time-millis" -> iso(LocalTime.ofNanoOfDay(x * 1_000_000));
        case "time-micros" -> iso(LocalTime.ofNanoOfDay(x * 1000));
        case "local-timestamp-millis" -> iso(LocalDateTime.ofEpochSecond(Math.floorDiv(x, 1000),
            Math.floorMod(x, 1000) * 1_000_000, java.time.ZoneOffset.UTC));
        case "local-timestamp-micros" -> iso(LocalDateTime.ofEpochSecond(Math.floorDiv(x, 1_000_000),
            Math.floorMod(x, 1_000_000) * 1000, java.time.ZoneOffset.UTC));
        default -> null;
      };
      if (iso != null) {
        return AttributeValue.builder().s(iso).build();
      }
    }
    if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN()
        || f.isInfinite())) {
      throw new ItemException("Field " + path + " is " + v + ", which DynamoDB numbers cannot hold");
    }
    BigDecimal n = v instanceof Double || v instanceof Float ? new BigDecimal(v.toString())
        : v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).longValue());
    return number(n, path);
  }

  /**
   * ISO-8601 with seconds always written ({@code 2010-12-01T08:26:00}, where {@code LocalDateTime.toString()} would
   * drop them), so that string sort keys order like the times they hold.
   */
  static String iso(TemporalAccessor t) {
    if (t instanceof LocalDateTime d) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(d);
    }
    if (t instanceof LocalTime d) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(d);
    }
    return t.toString(); // Instant (ISO_INSTANT writes seconds), LocalDate
  }

  static AttributeValue number(BigDecimal n, String path) {
    BigDecimal abs = n.abs();
    if (abs.signum() != 0) {
      BigDecimal stripped = abs.stripTrailingZeros();
      if (stripped.precision() > 38) {
        throw new ItemException("Field " + path + " is " + n.toPlainString() + ": " + stripped.precision()
            + " significant digits, DynamoDB numbers hold at most 38");
      }
      if (abs.compareTo(MAX_NUMBER) > 0 || abs.compareTo(MIN_NUMBER) < 0) {
        throw new ItemException("Field " + path + " is " + n + ", outside DynamoDB's range 1E-130 to 9.99E+125");
      }
    }
    return AttributeValue.builder().n(n.toPlainString()).build();
  }

  private static byte[] bytes(Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    if (v instanceof GenericData.Fixed f) {
      return f.bytes();
    }
    ByteBuffer buf = ((ByteBuffer) v).duplicate();
    byte[] out = new byte[buf.remaining()];
    buf.get(out);
    return out;
  }

  /** A key value of a computed key: a String, a number or bytes. */
  static AttributeValue keyValue(Object v, String attribute) {
    if (v instanceof CharSequence c) {
      return AttributeValue.builder().s(c.toString()).build();
    }
    if (v instanceof BigDecimal b) {
      return number(b, attribute);
    }
    if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN()
        || f.isInfinite())) {
      throw new ItemException("Field " + attribute + " is " + v + ", which DynamoDB numbers cannot hold");
    }
    if (v instanceof Number n) {
      return v instanceof Double || v instanceof Float ? number(new BigDecimal(v.toString()), attribute)
          : number(BigDecimal.valueOf(n.longValue()), attribute);
    }
    if (v instanceof byte[] || v instanceof ByteBuffer) {
      return AttributeValue.builder().b(SdkBytes.fromByteArray(bytes(v))).build();
    }
    if (v instanceof TemporalAccessor t) {
      return AttributeValue.builder().s(iso(t)).build();
    }
    return AttributeValue.builder().s(String.valueOf(v)).build();
  }

  /** The item's size as DynamoDB counts it: attribute names plus values. */
  static long size(Map<String, AttributeValue> item) {
    long total = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      total += utf8Length(e.getKey()) + size(e.getValue());
    }
    return total;
  }

  static long size(AttributeValue v) {
    if (v.s() != null) {
      return utf8Length(v.s());
    }
    if (v.n() != null) {
      String digits = v.n().replace("-", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
      return (digits.length() + 1) / 2 + 1;
    }
    if (v.b() != null) {
      return v.b().asByteArrayUnsafe().length;
    }
    if (v.bool() != null || v.nul() != null) {
      return 1;
    }
    if (v.hasL()) {
      long total = 3;
      for (AttributeValue e : v.l()) {
        total += 1 + size(e);
      }
      return total;
    }
    if (v.hasM()) {
      long total = 3;
      for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
        total += 1 + utf8Length(e.getKey()) + size(e.getValue());
      }
      return total;
    }
    if (v.hasSs()) {
      return v.ss().stream().mapToLong(Items::utf8Length).sum();
    }
    if (v.hasNs()) {
      return v.ns().stream().mapToLong(n -> size(AttributeValue.builder().n(n).build())).sum();
    }
    if (v.hasBs()) {
      return v.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
    }
    return 1;
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Renders an item briefly for a bad row: the key and the attribute names, not 400 KB of values. */
  static String describe(Map<String, AttributeValue> item, int maxChars) {
    String text = item.toString();
    return text.length() <= maxChars ? text : text.substring(0, maxChars) + "… (" + text.length() + " chars)";
  }
}
