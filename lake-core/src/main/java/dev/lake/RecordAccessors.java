package dev.lake;

import dev.lake.exceptions.SchemaException;
import dev.lake.internal.values.Decimals;
import dev.lake.internal.values.Nullability;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Component getters of one record class, generated once with LambdaMetafactory so reading a field costs what a
 * direct accessor call costs (plus boxing). {@link #raw} return Java values; {@link #writers} return what Avro and
 * Parquet writers expect (ByteBuffer for byte[], enum symbols, Integer for short and byte, decimals fitted to their
 * scale with the field named in errors).
 *
 * <pre>{@code
 * Object quantity = RecordAccessors.of(Sale.class).writer("quantity", 1).apply(sale);
 * }</pre>
 */
final class RecordAccessors {
  private static final Function<Object, Object> ABSENT = row -> null;
  private static final ClassValue<RecordAccessors> CACHE = new ClassValue<>() {
    @Override
    protected RecordAccessors computeValue(Class<?> type) {
      return new RecordAccessors(type);
    }
  };

  final Class<?> type;
  final Schema schema;
  final String[] names;
  final Function<Object, Object>[] raw;
  final Function<Object, Object>[] writers;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Schema, Function<Object, Object>[]> aligned = new ConcurrentHashMap<>();
  private volatile Aligned last;

  private record Aligned(Schema schema, Function<Object, Object>[] writers) {}

  @SuppressWarnings("unchecked")
  private RecordAccessors(Class<?> type) {
    this.type = type;
    this.schema = RecordSchemas.of(type);
    RecordComponent[] components = type.getRecordComponents();
    names = new String[components.length];
    raw = (Function<Object, Object>[]) new Function<?, ?>[components.length];
    writers = (Function<Object, Object>[]) new Function<?, ?>[components.length];
    MethodHandles.Lookup lookup = lookup(type);
    for (int i = 0; i < components.length; i++) {
      names[i] = RecordSchemas.fieldName(components[i]);
      index.put(names[i], i);
      raw[i] = getter(lookup, type, components[i]);
      Schema fieldSchema = Nullability.nonNull(schema.getFields().get(i).schema());
      writers[i] = writer(raw[i], components[i].getType(), fieldSchema,
          "Field " + names[i] + " of " + type.getSimpleName());
    }
  }

  /** The accessors of a record class; cached. */
  static RecordAccessors of(Class<?> type) {
    return CACHE.get(type);
  }

  /** The writer getter for field {@code name}, trying position {@code pos} first; null-returning if absent. */
  Function<Object, Object> writer(String name, int pos) {
    if (pos >= 0 && pos < names.length && names[pos].equals(name)) {
      return writers[pos];
    }
    Integer i = index.get(name);
    return i == null ? ABSENT : writers[i];
  }

  /** Writer getters in the order of {@code fileSchema}'s fields (which may omit or reorder the components). */
  @SuppressWarnings("unchecked")
  Function<Object, Object>[] writersFor(Schema fileSchema) {
    Aligned hit = last;
    if (hit != null && hit.schema == fileSchema) {
      return hit.writers;
    }
    Function<Object, Object>[] result = aligned.computeIfAbsent(fileSchema, s -> {
      List<Schema.Field> fields = s.getFields();
      Function<Object, Object>[] getters = (Function<Object, Object>[]) new Function<?, ?>[fields.size()];
      for (int i = 0; i < getters.length; i++) {
        getters[i] = writer(fields.get(i).name(), -1);
      }
      return getters;
    });
    last = new Aligned(fileSchema, result);
    return result;
  }

  private static Function<Object, Object> writer(Function<Object, Object> get, Class<?> type, Schema schema,
      String where) {
    if (type == byte[].class) {
      return row -> {
        byte[] bytes = (byte[]) get.apply(row);
        return bytes == null ? null : ByteBuffer.wrap(bytes);
      };
    }
    if (type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
      return row -> {
        Number n = (Number) get.apply(row);
        return n == null ? null : n.intValue();
      };
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      GenericData.EnumSymbol[] symbols = new GenericData.EnumSymbol[constants.length];
      for (int i = 0; i < constants.length; i++) {
        symbols[i] = new GenericData.EnumSymbol(schema, ((Enum<?>) constants[i]).name());
      }
      return row -> {
        Enum<?> e = (Enum<?>) get.apply(row);
        return e == null ? null : symbols[e.ordinal()];
      };
    }
    if (type == BigDecimal.class && schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
      int precision = decimal.getPrecision();
      int scale = decimal.getScale();
      return row -> {
        BigDecimal d = (BigDecimal) get.apply(row);
        return d == null ? null : Decimals.fit(d, precision, scale, where);
      };
    }
    return get;
  }

  private static MethodHandles.Lookup lookup(Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw new SchemaException("Cannot read the components of " + type.getName() + ": open its package "
          + type.getPackageName() + " to dev.lake (opens ... to dev.lake in module-info.java)", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object> getter(MethodHandles.Lookup lookup, Class<?> type, RecordComponent c) {
    MethodHandle handle;
    try {
      handle = lookup.unreflect(c.getAccessor());
    } catch (IllegalAccessException e) {
      throw new SchemaException("Cannot read " + type.getName() + "." + c.getName() + ": " + e.getMessage(), e);
    }
    try {
      return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
              MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), handle,
              handle.type().wrap())
          .getTarget().invokeExact();
    } catch (Throwable e) {
      // Hidden classes may be refused (e.g. restricted lookups); a method handle is slower but equivalent.
      MethodHandle generic = handle.asType(MethodType.methodType(Object.class, Object.class));
      return row -> {
        try {
          return generic.invokeExact(row);
        } catch (RuntimeException | Error ex) {
          throw ex;
        } catch (Throwable ex) {
          throw new IllegalStateException(ex);
        }
      };
    }
  }
}
