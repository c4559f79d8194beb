package dev.lake;

import dev.lake.exceptions.SchemaException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Builds {@link RowFactory}s. What can be prepared per record class (the canonical constructor as a spread method
 * handle, default values, component names) is cached; what depends on the schema (which field feeds which component,
 * and its converter) is prepared once per factory. A factory never keeps the values array it is given (a record's
 * arguments go into an array of its own, a generic row's values into the row), so callers may reuse it row after row.
 *
 * <pre>{@code
 * Sale s = RowFactories.create(Sale.class, schema).create(new Object[] {"536365", 6});
 * }</pre>
 */
final class RowFactories {
  private static final ClassValue<Plan> PLANS = new ClassValue<>() {
    @Override
    protected Plan computeValue(Class<?> type) {
      return new Plan(type);
    }
  };

  private RowFactories() {}

  /** A factory of {@code type} rows from values in {@code schema}'s field order. */
  @SuppressWarnings("unchecked")
  static <T> RowFactory<T> create(Class<T> type, Schema schema) {
    if (type == null || schema == null) {
      throw new NullPointerException(type == null ? "type" : "schema");
    }
    if (schema.getType() != Schema.Type.RECORD) {
      throw new SchemaException("Cannot build rows from a " + schema.getType() + " schema: a record schema is needed");
    }
    int size = schema.getFields().size();
    if (type.isAssignableFrom(GenericData.Record.class)) {
      return values -> {
        checkLength(values, size, schema);
        GenericData.Record row = new GenericData.Record(schema);
        for (int i = 0; i < size; i++) {
          row.put(i, values[i]);
        }
        return (T) row;
      };
    }
    RecordSchemas.of(type); // fails early, with the reason, for unsupported classes
    Plan plan = PLANS.get(type);
    List<Schema.Field> fields = schema.getFields();
    int[] targets = new int[size];
    Function<Object, Object>[] converters = (Function<Object, Object>[]) new Function<?, ?>[size];
    for (int i = 0; i < size; i++) {
      Integer component = plan.index.get(fields.get(i).name());
      targets[i] = component == null ? -1 : component;
      if (component != null) {
        RecordComponent c = plan.components[component];
        converters[i] = Coercions.to(c.getGenericType(), fields.get(i).schema(),
            "Field " + fields.get(i).name() + " of " + type.getSimpleName());
      }
    }
    return values -> {
      checkLength(values, size, schema);
      Object[] args = plan.defaults.clone();
      for (int i = 0; i < size; i++) {
        int c = targets[i];
        if (c < 0) {
          continue;
        }
        Object value = values[i];
        if (value == null) {
          if (plan.primitive[c]) {
            throw new SchemaException("Field " + fields.get(i).name() + " of " + type.getSimpleName() + " is "
                + article(plan.components[c].getType().getName()) + " and cannot be null");
          }
        } else {
          args[c] = converters[i].apply(value);
        }
      }
      return (T) plan.construct(args);
    };
  }

  private static void checkLength(Object[] values, int size, Schema schema) {
    if (values.length != size) {
      throw new SchemaException("Expected " + size + " values for the fields of " + schema.getFullName()
          + " but got " + values.length + ": pass one value per schema field, in schema order");
    }
  }

  private static String article(String type) {
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  /** What a record class needs to be built: its spread constructor, defaults and components by field name. */
  private static final class Plan {
    final RecordComponent[] components;
    final Object[] defaults;
    final boolean[] primitive;
    final Map<String, Integer> index = new HashMap<>();
    final MethodHandle constructor;

    Plan(Class<?> type) {
      components = type.getRecordComponents();
      defaults = new Object[components.length];
      primitive = new boolean[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        primitive[i] = types[i].isPrimitive();
        defaults[i] = primitive[i] ? Array.get(Array.newInstance(types[i], 1), 0) : null;
        index.put(RecordSchemas.fieldName(components[i]), i);
        index.putIfAbsent(components[i].getName(), i);
      }
      try {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
            .asSpreader(Object[].class, components.length)
            .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e) {
        throw new SchemaException("Cannot use the canonical constructor of " + type.getName() + ": open its package "
            + type.getPackageName() + " to dev.lake", e);
      }
    }

    Object construct(Object[] args) {
      try {
        return constructor.invokeExact(args);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("The constructor of a record threw a checked exception", e);
      }
    }
  }
}
