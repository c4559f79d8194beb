package dev.lake.sink.iceberg;

import dev.lake.exceptions.SchemaException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Lake's row schemas (Avro, derived from Java records) as Iceberg schemas, and back with Iceberg's field ids on every
 * field, so that the Parquet files Lake writes carry the ids Iceberg readers match columns by.
 *
 * <p>Types: {@code boolean}, {@code int}, {@code long}, {@code float}, {@code double}, {@code string} (also enums
 * and UUIDs, which Lake writes as strings), {@code binary}, {@code fixed}, {@code decimal(p, s)}, {@code date},
 * {@code time}, {@code timestamptz} ({@code Instant}), {@code timestamp} ({@code LocalDateTime}), structs, lists and
 * maps; a nullable union {@code [null, T]} is an optional field. Other unions are refused.
 *
 * <pre>{@code
 * org.apache.iceberg.Schema table = IcebergSchemas.toIceberg(Rows.schema(Sale.class));
 * Schema withIds = IcebergSchemas.withFieldIds(Rows.schema(Sale.class), table);
 * }</pre>
 */
final class IcebergSchemas {
  private IcebergSchemas() {}

  /** The Iceberg schema for a row schema, with ids in field order (a new table gets fresh ids from the catalog). */
  static org.apache.iceberg.Schema toIceberg(Schema record) {
    AtomicInteger ids = new AtomicInteger();
    return new org.apache.iceberg.Schema(struct(record, ids, record.getName()).fields());
  }

  private static Types.StructType struct(Schema record, AtomicInteger ids, String path) {
    List<Types.NestedField> fields = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      int id = ids.incrementAndGet();
      String fieldPath = path + "." + f.name();
      fields.add(optional(f.schema())
          ? Types.NestedField.optional(id, f.name(), type(nonNull(f.schema()), ids, fieldPath), f.doc())
          : Types.NestedField.required(id, f.name(), type(f.schema(), ids, fieldPath), f.doc()));
    }
    return Types.StructType.of(fields);
  }

  private static Type type(Schema s, AtomicInteger ids, String path) {
    LogicalType logical = s.getLogicalType();
    switch (s.getType()) {
      case BOOLEAN:
        return Types.BooleanType.get();
      case INT:
        if (logical instanceof LogicalTypes.Date) {
          return Types.DateType.get();
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
          throw unsupported(path, "time-millis (Iceberg keeps time in microseconds)");
        }
        return Types.IntegerType.get();
      case LONG:
        if (logical instanceof LogicalTypes.TimestampMicros) {
          return Types.TimestampType.withZone();
        }
        if (logical instanceof LogicalTypes.LocalTimestampMicros) {
          return Types.TimestampType.withoutZone();
        }
        if (logical instanceof LogicalTypes.TimeMicros) {
          return Types.TimeType.get();
        }
        if (logical != null) {
          throw unsupported(path, logical.getName() + " (Iceberg keeps timestamps in microseconds)");
        }
        return Types.LongType.get();
      case FLOAT:
        return Types.FloatType.get();
      case DOUBLE:
        return Types.DoubleType.get();
      case STRING:
      case ENUM:
        return Types.StringType.get();
      case BYTES:
        if (logical instanceof LogicalTypes.Decimal d) {
          return Types.DecimalType.of(d.getPrecision(), d.getScale());
        }
        return Types.BinaryType.get();
      case FIXED:
        if (logical instanceof LogicalTypes.Decimal d) {
          return Types.DecimalType.of(d.getPrecision(), d.getScale());
        }
        return Types.FixedType.ofLength(s.getFixedSize());
      case RECORD:
        return struct(s, ids, path);
      case ARRAY: {
        int element = ids.incrementAndGet();
        Schema e = s.getElementType();
        return optional(e) ? Types.ListType.ofOptional(element, type(nonNull(e), ids, path + "[]"))
            : Types.ListType.ofRequired(element, type(e, ids, path + "[]"));
      }
      case MAP: {
        int key = ids.incrementAndGet();
        int value = ids.incrementAndGet();
        Schema v = s.getValueType();
        return optional(v) ? Types.MapType.ofOptional(key, value, Types.StringType.get(),
            type(nonNull(v), ids, path + "{}"))
            : Types.MapType.ofRequired(key, value, Types.StringType.get(), type(v, ids, path + "{}"));
      }
      case UNION:
        throw unsupported(path, "a union of " + s.getTypes().size() + " types (only [null, T] is an Iceberg type)");
      default:
        throw unsupported(path, s.getType().getName());
    }
  }

  private static SchemaException unsupported(String path, String what) {
    return new SchemaException("Field " + path + " is " + what + ", which an Iceberg table cannot hold: change the "
        + "field's Java type");
  }

  /**
   * A copy of the row schema with the table's ids on every field, element and map entry: {@code field-id},
   * {@code element-id}, {@code key-id}, {@code value-id} (Iceberg's names). Fields of the table the rows lack stay
   * null in the files; a row field the table lacks must have been added to the table first.
   *
   * @throws SchemaException naming the field when the row's type cannot be written as the table's
   */
  static Schema withFieldIds(Schema record, org.apache.iceberg.Schema table, String tableName) {
    Schema copy = new Schema.Parser().parse(record.toString());
    annotate(copy, table.asStruct(), tableName, "");
    return copy;
  }

  private static void annotate(Schema record, Types.StructType struct, String table, String prefix) {
    for (Schema.Field f : record.getFields()) {
      Types.NestedField column = struct.field(f.name());
      String name = prefix + f.name();
      if (column == null) {
        throw new SchemaException("Field '" + name + "' of the rows is not a column of Iceberg table " + table
            + ": it is added by schema evolution when the run starts; this writer started earlier. Run again.");
      }
      Type rowType = type(optional(f.schema()) ? nonNull(f.schema()) : f.schema(), new AtomicInteger(), name);
      check(name, rowType, column.type(), table);
      if (f.getObjectProp("field-id") == null) {
        f.addProp("field-id", column.fieldId());
      }
      nested(nonNull(f.schema()), column.type(), table, name);
    }
  }

  private static void nested(Schema s, Type type, String table, String name) {
    if (type.isStructType()) {
      annotate(s, type.asStructType(), table, name + ".");
    } else if (type.isListType()) {
      if (s.getObjectProp("element-id") == null) {
        s.addProp("element-id", type.asListType().elementId());
      }
      nested(nonNull(s.getElementType()), type.asListType().elementType(), table, name + ".element");
    } else if (type.isMapType()) {
      if (s.getObjectProp("key-id") == null) {
        s.addProp("key-id", type.asMapType().keyId());
        s.addProp("value-id", type.asMapType().valueId());
      }
      nested(nonNull(s.getValueType()), type.asMapType().valueType(), table, name + ".value");
    }
  }

  /** The row's type must be the column's, or one Iceberg promotes to it (int to long, float to double). */
  private static void check(String name, Type row, Type column, String table) {
    if (row.typeId() == column.typeId()) {
      if (row.isPrimitiveType() && !row.equals(column) && !(row instanceof Types.DecimalType)) {
        throw mismatch(name, row, column, table);
      }
      if (row instanceof Types.DecimalType rd && column instanceof Types.DecimalType cd
          && (rd.scale() != cd.scale() || rd.precision() > cd.precision())) {
        throw mismatch(name, row, column, table);
      }
      return;
    }
    boolean widened = (row.typeId() == Type.TypeID.INTEGER && column.typeId() == Type.TypeID.LONG)
        || (row.typeId() == Type.TypeID.FLOAT && column.typeId() == Type.TypeID.DOUBLE);
    if (!widened) {
      throw mismatch(name, row, column, table);
    }
  }

  private static SchemaException mismatch(String name, Type row, Type column, String table) {
    return new SchemaException("Field '" + name + "' is " + row + " in the rows but " + column + " in Iceberg table "
        + table + ": Iceberg cannot change a column's type that way. Write to a new table, or rename the field in "
        + "the rows so that it becomes a new column");
  }

  static boolean optional(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return false;
    }
    for (Schema branch : s.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        return true;
      }
    }
    return false;
  }

  /** {@link dev.lake.Schemas#nonNull}, refusing a union of several types, which no Iceberg column can hold. */
  static Schema nonNull(Schema s) {
    Schema branch = dev.lake.Schemas.nonNull(s);
    if (branch.getType() == Schema.Type.UNION) {
      throw new SchemaException("A union of " + branch.getTypes() + " cannot be an Iceberg column: only [null, T] can");
    }
    return branch;
  }
}
