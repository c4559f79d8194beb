package dev.lake.sink.iceberg;

import dev.lake.exceptions.SchemaException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * An Iceberg schema as the Avro row schema Lake's readers and writers use (the reverse of
 * {@link IcebergSchemas#toIceberg}): optional fields are {@code [null, T]} unions defaulting to null,
 * {@code timestamptz} is {@code timestamp-micros} ({@code Instant}), {@code timestamp} is
 * {@code local-timestamp-micros} ({@code LocalDateTime}), {@code decimal(p, s)} is bytes with the decimal logical
 * type, {@code uuid} a string. Every field carries its Iceberg {@code field-id}, so a Parquet file written with this
 * schema is read by field id like the table's own files.
 *
 * <pre>{@code
 * Schema rows = AvroSchemas.of(table.schema(), "online_retail");
 * }</pre>
 */
final class AvroSchemas {
  private AvroSchemas() {}

  static Schema of(org.apache.iceberg.Schema schema, String name) {
    return record(schema.asStruct(), avroName(name), name);
  }

  private static Schema record(Types.StructType struct, String recordName, String path) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Types.NestedField f : struct.fields()) {
      Schema type = type(f.type(), path + "." + f.name(), f.fieldId());
      Schema.Field field = f.isOptional()
          ? new Schema.Field(f.name(), Schema.createUnion(Schema.create(Schema.Type.NULL), type), f.doc(),
              JsonProperties.NULL_VALUE)
          : new Schema.Field(f.name(), type, f.doc());
      field.addProp("field-id", f.fieldId());
      fields.add(field);
    }
    return Schema.createRecord(recordName, null, null, false, fields);
  }

  private static Schema type(Type type, String path, int id) {
    switch (type.typeId()) {
      case BOOLEAN:
        return Schema.create(Schema.Type.BOOLEAN);
      case INTEGER:
        return Schema.create(Schema.Type.INT);
      case LONG:
        return Schema.create(Schema.Type.LONG);
      case FLOAT:
        return Schema.create(Schema.Type.FLOAT);
      case DOUBLE:
        return Schema.create(Schema.Type.DOUBLE);
      case DATE:
        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIME:
        return LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case TIMESTAMP:
        return ((Types.TimestampType) type).shouldAdjustToUTC()
            ? LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG))
            : LogicalTypes.localTimestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case STRING:
      case UUID:
        return Schema.create(Schema.Type.STRING);
      case BINARY:
        return Schema.create(Schema.Type.BYTES);
      case FIXED:
        return Schema.createFixed("fixed_" + id, null, null, ((Types.FixedType) type).length());
      case DECIMAL: {
        Types.DecimalType d = (Types.DecimalType) type;
        return LogicalTypes.decimal(d.precision(), d.scale()).addToSchema(Schema.create(Schema.Type.BYTES));
      }
      case STRUCT:
        return record(type.asStructType(), "r" + id, path);
      case LIST: {
        Types.ListType list = type.asListType();
        Schema element = type(list.elementType(), path + ".element", list.elementId());
        Schema array = Schema.createArray(list.isElementOptional()
            ? Schema.createUnion(Schema.create(Schema.Type.NULL), element) : element);
        array.addProp("element-id", list.elementId());
        return array;
      }
      case MAP: {
        Types.MapType map = type.asMapType();
        if (map.keyType().typeId() != Type.TypeID.STRING) {
          throw new SchemaException("Column " + path + " is a map with " + map.keyType() + " keys, which Lake's "
              + "rows cannot hold (Avro maps have string keys): read the table with Spark or Trino instead");
        }
        Schema value = type(map.valueType(), path + ".value", map.valueId());
        Schema avro = Schema.createMap(map.isValueOptional()
            ? Schema.createUnion(Schema.create(Schema.Type.NULL), value) : value);
        avro.addProp("key-id", map.keyId());
        avro.addProp("value-id", map.valueId());
        return avro;
      }
      default:
        throw new SchemaException("Column " + path + " is " + type + ", which Lake cannot read yet");
    }
  }

  /** A valid Avro record name for a table name ({@code retail.online_retail} -> {@code online_retail}). */
  static String avroName(String table) {
    String last = table.substring(table.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_]", "_");
    return last.isEmpty() || Character.isDigit(last.charAt(0)) ? "t_" + last : last;
  }
}
