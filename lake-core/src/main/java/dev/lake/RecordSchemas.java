package dev.lake;

import dev.lake.exceptions.SchemaException;
import dev.lake.internal.values.Nullability;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Derives Avro schemas from Java records, once per class. One derivation shares named types: a record or enum class
 * met twice is defined once and referenced by name afterwards (Avro forbids redefining a name). Collection elements
 * and map values are not nullable: Parquet's list encoding and most engines prefer it that way.
 *
 * <pre>{@code
 * Schema schema = RecordSchemas.of(Sale.class); // cached
 * }</pre>
 */
final class RecordSchemas {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String SUPPORTED = "supported types are primitives and their boxes, String, enums, records, "
      + "List<T>, Set<T>, Map<String, V>, byte[], ByteBuffer, Instant, LocalDate, LocalDateTime, LocalTime, "
      + "BigDecimal and UUID";

  private static final ClassValue<Schema> CACHE = new ClassValue<>() {
    @Override
    protected Schema computeValue(Class<?> type) {
      return new RecordSchemas().record(type, type.getSimpleName());
    }
  };

  private static final ClassValue<Schema> ENUMS = new ClassValue<>() {
    @Override
    protected Schema computeValue(Class<?> type) {
      return new RecordSchemas().enumSchema(type, type.getSimpleName());
    }
  };

  private final Map<Class<?>, Schema> named = new HashMap<>();
  private final Map<String, Class<?>> fullNames = new HashMap<>();

  private RecordSchemas() {}

  /** The schema of a record class; cached. */
  static Schema of(Class<?> type) {
    if (type == null) {
      throw new NullPointerException("type");
    }
    if (IndexedRecord.class.isAssignableFrom(type)) {
      throw new SchemaException("Cannot derive a schema for " + type.getName()
          + ": generic rows carry their own schema; use row.getSchema() or Rows.schemaOf(row)");
    }
    if (!type.isRecord()) {
      throw new SchemaException("Cannot derive a schema for " + type.getName()
          + ": it is not a Java record; declare it as a record, or use GenericRecord rows with an explicit schema");
    }
    return CACHE.get(type);
  }

  /** The schema of an enum class; cached. */
  static Schema ofEnum(Class<?> type) {
    return ENUMS.get(type);
  }

  /** The Avro field name of a record component: its {@link Column} name or its own name. */
  static String fieldName(RecordComponent component) {
    Column column = component.getAnnotation(Column.class);
    return column == null || column.value().isEmpty() ? component.getName() : column.value();
  }

  private Schema record(Class<?> type, String path) {
    Schema known = named.get(type);
    if (known != null) {
      return known;
    }
    Schema schema = Schema.createRecord(avroName(type, path), null, namespace(type), false);
    claim(schema, type, path);
    List<Schema.Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      String fieldPath = path + "." + component.getName();
      String name = fieldName(component);
      if (!NAME.matcher(name).matches()) {
        throw new SchemaException("Invalid column name '" + name + "' for " + fieldPath
            + ": names must match [A-Za-z_][A-Za-z0-9_]*; rename it with @Column(\"a_valid_name\")");
      }
      if (!seen.add(name)) {
        throw new SchemaException("Duplicate column name '" + name + "' at " + fieldPath
            + ": give each component a distinct @Column name");
      }
      Schema fieldSchema = schema(component.getGenericType(), component.getAnnotation(Decimal.class), fieldPath);
      Column column = component.getAnnotation(Column.class);
      String doc = column == null || column.doc().isEmpty() ? null : column.doc();
      fields.add(component.getType().isPrimitive()
          ? new Schema.Field(name, fieldSchema, doc)
          : new Schema.Field(name, Nullability.nullable(fieldSchema), doc,
              JsonProperties.NULL_VALUE));
    }
    schema.setFields(fields);
    return schema;
  }

  private Schema schema(Type type, Decimal decimal, String path) {
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] args = parameterized.getActualTypeArguments();
      if (raw == List.class || raw == Set.class) {
        return Schema.createArray(schema(args[0], decimal, path + "[]"));
      }
      if (raw == Map.class) {
        if (args[0] != String.class) {
          throw unsupported(args[0], path + " (map key)", "map keys must be String: use Map<String, V>");
        }
        return Schema.createMap(schema(args[1], decimal, path + "{}"));
      }
      throw unsupported(type, path, "use List<T>, Set<T> or Map<String, V>");
    }
    if (!(type instanceof Class<?> c)) {
      throw unsupported(type, path, "declare a concrete type instead of a wildcard or type variable");
    }
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
        || c == Byte.class) {
      return Schema.create(Schema.Type.INT);
    }
    if (c == long.class || c == Long.class) {
      return Schema.create(Schema.Type.LONG);
    }
    if (c == double.class || c == Double.class) {
      return Schema.create(Schema.Type.DOUBLE);
    }
    if (c == float.class || c == Float.class) {
      return Schema.create(Schema.Type.FLOAT);
    }
    if (c == boolean.class || c == Boolean.class) {
      return Schema.create(Schema.Type.BOOLEAN);
    }
    if (c == String.class) {
      Schema string = Schema.create(Schema.Type.STRING);
      GenericData.setStringType(string, GenericData.StringType.String);
      return string;
    }
    if (c == byte[].class || c == ByteBuffer.class) {
      return Schema.create(Schema.Type.BYTES);
    }
    if (c == Instant.class) {
      return LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    }
    if (c == LocalDate.class) {
      return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    }
    if (c == LocalDateTime.class) {
      return LogicalTypes.localTimestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    }
    if (c == LocalTime.class) {
      return LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG));
    }
    if (c == BigDecimal.class) {
      int precision = decimal == null ? 38 : decimal.precision();
      int scale = decimal == null ? 10 : decimal.scale();
      if (precision < 1 || scale < 0 || scale > precision) {
        throw new SchemaException("Invalid @Decimal(precision = " + precision + ", scale = " + scale + ") on "
            + path + ": precision must be at least 1 and scale between 0 and precision");
      }
      return LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
    }
    if (c == UUID.class) {
      return LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
    }
    if (c.isEnum()) {
      return enumSchema(c, path);
    }
    if (c.isRecord()) {
      return record(c, path);
    }
    if (c == List.class || c == Set.class || c == Map.class) {
      throw unsupported(c, path, "declare the element type, e.g. List<String> or Map<String, Long>");
    }
    throw unsupported(c, path, "change the component's type to one of these (e.g. a record or String)");
  }

  private Schema enumSchema(Class<?> type, String path) {
    Schema known = named.get(type);
    if (known != null) {
      return known;
    }
    List<String> symbols = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      symbols.add(((Enum<?>) constant).name());
    }
    Schema schema = Schema.createEnum(avroName(type, path), null, namespace(type), symbols);
    claim(schema, type, path);
    return schema;
  }

  private void claim(Schema schema, Class<?> type, String path) {
    Class<?> previous = fullNames.putIfAbsent(schema.getFullName(), type);
    if (previous != null && previous != type) {
      throw new SchemaException("Both " + previous.getName() + " and " + type.getName() + " map to the Avro name "
          + schema.getFullName() + " (at " + path + "): rename one of the classes");
    }
    named.put(type, schema);
  }

  private static String avroName(Class<?> type, String path) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
      name.insert(0, outer.getSimpleName() + "_");
    }
    if (!NAME.matcher(name).matches()) {
      throw new SchemaException("Cannot name the schema of " + type.getName() + " at " + path + ": '" + name
          + "' is not a valid Avro name; use a named, non-anonymous class");
    }
    return name.toString();
  }

  private static String namespace(Class<?> type) {
    String pkg = type.getPackageName();
    return pkg.isEmpty() ? null : pkg;
  }

  private static SchemaException unsupported(Type type, String path, String fix) {
    return new SchemaException("Cannot map " + path + " of type " + type.getTypeName() + " to an Avro schema: "
        + SUPPORTED + "; " + fix);
  }
}
