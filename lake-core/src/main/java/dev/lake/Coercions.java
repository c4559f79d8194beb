package dev.lake;

import dev.lake.exceptions.SchemaException;
import dev.lake.internal.values.Nullability;
import dev.lake.internal.values.Values;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;

/**
 * Converters from the values rows carry (Java values, or raw Avro values such as epoch micros and decimal bytes) to
 * the Java type of a record component. Each converter is built once per component and schema; it never sees null.
 *
 * <pre>{@code
 * Function<Object, Object> toInt = Coercions.to(int.class, Schema.create(Schema.Type.INT), "Field quantity of Sale");
 * toInt.apply(6L); // 6
 * }</pre>
 */
final class Coercions {
  private Coercions() {}

  static Function<Object, Object> to(Type target, Schema schema, String where) {
    Schema s = Nullability.nonNull(schema);
    if (target instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class || raw == Set.class) {
        Function<Object, Object> element =
            to(args[0], s != null && s.getType() == Schema.Type.ARRAY ? s.getElementType() : null, where);
        boolean set = raw == Set.class;
        return v -> {
          Collection<?> in = v instanceof Collection<?> c ? c : fail(v, "a list", where);
          Collection<Object> out = set ? new LinkedHashSet<>() : new ArrayList<>(in.size());
          for (Object e : in) {
            out.add(e == null ? null : element.apply(e));
          }
          return set ? Collections.unmodifiableSet((Set<Object>) out)
              : Collections.unmodifiableList((List<Object>) out);
        };
      }
      if (raw == Map.class) {
        Function<Object, Object> value =
            to(args[1], s != null && s.getType() == Schema.Type.MAP ? s.getValueType() : null, where);
        return v -> {
          Map<?, ?> in = v instanceof Map<?, ?> m ? m : fail(v, "a map", where);
          Map<String, Object> out = new LinkedHashMap<>();
          in.forEach((k, e) -> out.put(String.valueOf(k), e == null ? null : value.apply(e)));
          return Collections.unmodifiableMap(out);
        };
      }
    }
    Class<?> c = target instanceof Class<?> k ? k : Object.class;
    LogicalType logical = s == null ? null : s.getLogicalType();
    boolean millis = logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimeMillis
        || logical instanceof LogicalTypes.LocalTimestampMillis;
    // A value already of the target's boxed type is passed on as it is: boxing its number again would allocate.
    if (c == int.class || c == Integer.class) {
      return v -> v instanceof Integer ? v : (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int", where);
    }
    if (c == long.class || c == Long.class) {
      return v -> v instanceof Long ? v : integral(v, Long.MIN_VALUE, Long.MAX_VALUE, "a long", where);
    }
    if (c == short.class || c == Short.class) {
      return v -> (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE, "a short", where);
    }
    if (c == byte.class || c == Byte.class) {
      return v -> (byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "a byte", where);
    }
    if (c == double.class || c == Double.class) {
      return v -> v instanceof Double ? v : v instanceof Number n ? n.doubleValue() : fail(v, "a double", where);
    }
    if (c == float.class || c == Float.class) {
      return v -> v instanceof Number n ? n.floatValue() : fail(v, "a float", where);
    }
    if (c == boolean.class || c == Boolean.class) {
      return v -> v instanceof Boolean ? v : fail(v, "a boolean", where);
    }
    if (c == String.class) {
      return v -> v instanceof CharSequence || v instanceof GenericEnumSymbol || v instanceof UUID
          ? v.toString() : v instanceof Enum<?> e ? e.name() : fail(v, "a string", where);
    }
    if (c == byte[].class) {
      return v -> v instanceof byte[] ? v : v instanceof ByteBuffer b ? Values.bytes(b) : fail(v, "bytes", where);
    }
    if (c == ByteBuffer.class) {
      return v -> v instanceof ByteBuffer ? v : v instanceof byte[] b ? ByteBuffer.wrap(b) : fail(v, "bytes", where);
    }
    if (c == Instant.class) {
      return v -> v instanceof Instant ? v
          : v instanceof Long n ? (millis ? Instant.ofEpochMilli(n) : Instant.EPOCH.plus(n, ChronoUnit.MICROS))
          : fail(v, "an Instant", where);
    }
    if (c == LocalDate.class) {
      return v -> v instanceof LocalDate ? v : v instanceof Integer n ? LocalDate.ofEpochDay(n)
          : fail(v, "a LocalDate", where);
    }
    if (c == LocalDateTime.class) {
      return v -> v instanceof LocalDateTime ? v : v instanceof Long n
          ? LocalDateTime.ofInstant(millis ? Instant.ofEpochMilli(n) : Instant.EPOCH.plus(n, ChronoUnit.MICROS),
              ZoneOffset.UTC)
          : fail(v, "a LocalDateTime", where);
    }
    if (c == LocalTime.class) {
      return v -> v instanceof LocalTime ? v : v instanceof Number n
          ? LocalTime.ofNanoOfDay(n.longValue() * (millis ? 1_000_000L : 1_000L)) : fail(v, "a LocalTime", where);
    }
    if (c == BigDecimal.class) {
      int scale = logical instanceof LogicalTypes.Decimal d ? d.getScale() : 0;
      return v -> v instanceof BigDecimal ? v
          : v instanceof ByteBuffer b ? new BigDecimal(new BigInteger(Values.bytes(b)), scale)
          : v instanceof Double || v instanceof Float ? BigDecimal.valueOf(((Number) v).doubleValue())
          : v instanceof Number n ? BigDecimal.valueOf(integral(n, Long.MIN_VALUE, Long.MAX_VALUE, "", where))
          : fail(v, "a BigDecimal", where);
    }
    if (c == UUID.class) {
      return v -> v instanceof UUID ? v : v instanceof CharSequence t ? UUID.fromString(t.toString())
          : fail(v, "a UUID", where);
    }
    if (c.isEnum()) {
      Map<String, Object> constants = new HashMap<>();
      for (Object e : c.getEnumConstants()) {
        constants.put(((Enum<?>) e).name(), e);
      }
      return v -> {
        if (c.isInstance(v)) {
          return v;
        }
        Object e = v instanceof CharSequence || v instanceof GenericEnumSymbol ? constants.get(v.toString()) : null;
        return e != null ? e : fail(v, "one of " + constants.keySet(), where);
      };
    }
    if (c.isRecord()) {
      return v -> c.isInstance(v) ? v : v instanceof GenericRecord g ? GenericRows.toRecord(g, c)
          : fail(v, "a " + c.getSimpleName() + " record", where);
    }
    return v -> v;
  }

  private static long integral(Object v, long min, long max, String expected, String where) {
    long n;
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      n = ((Number) v).longValue();
    } else if (v instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && !Double.isInfinite(number.doubleValue())) {
      n = number.longValue();
    } else {
      return fail(v, expected, where);
    }
    if (n < min || n > max) {
      throw new SchemaException(where + " is " + expected + " but " + v + " is out of range");
    }
    return n;
  }

  static <T> T fail(Object value, String expected, String where) {
    throw new SchemaException(where + " expects " + expected + " but was " + value.getClass().getSimpleName()
        + " '" + value + "'");
  }
}
