package dev.lake.loader.warehouse;

import dev.lake.exceptions.SchemaException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** A column of the dataset as the warehouse sees it: a name, a type family (with decimal precision) and nullability. */
record ColumnDef(String name, Kind kind, int precision, int scale, boolean nullable, boolean partition) {

  /** Type families, mapped to each dialect's type names by {@link Dialect#typeName}. */
  enum Kind { BOOLEAN, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, STRING, BYTES, DATE, TIME, TIMESTAMP, TIMESTAMPTZ }

  /** The columns of an Avro record schema (partition columns included, in schema order). */
  static List<ColumnDef> of(Schema record, List<String> partitionBy) {
    List<ColumnDef> out = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      Schema s = f.schema();
      boolean nullable = false;
      if (s.getType() == Schema.Type.UNION) {
        List<Schema> types = new ArrayList<>();
        for (Schema t : s.getTypes()) {
          if (t.getType() == Schema.Type.NULL) {
            nullable = true;
          } else {
            types.add(t);
          }
        }
        s = types.size() == 1 ? types.get(0) : Schema.create(Schema.Type.STRING); // a wide union: its text
      }
      boolean partition = partitionBy.contains(f.name());
      out.add(of(f.name(), s, nullable || partition && nullable, partition));
    }
    return out;
  }

  private static ColumnDef of(String name, Schema s, boolean nullable, boolean partition) {
    LogicalType lt = s.getLogicalType();
    if (lt instanceof LogicalTypes.Decimal d) {
      return new ColumnDef(name, Kind.DECIMAL, d.getPrecision(), d.getScale(), nullable, partition);
    }
    Kind kind = switch (s.getType()) {
      case BOOLEAN -> Kind.BOOLEAN;
      case INT -> lt instanceof LogicalTypes.Date ? Kind.DATE
          : lt instanceof LogicalTypes.TimeMillis ? Kind.TIME : Kind.INT;
      case LONG -> lt instanceof LogicalTypes.TimestampMillis || lt instanceof LogicalTypes.TimestampMicros
          || lt instanceof LogicalTypes.TimestampNanos ? Kind.TIMESTAMPTZ
          : lt instanceof LogicalTypes.LocalTimestampMillis || lt instanceof LogicalTypes.LocalTimestampMicros
              || lt instanceof LogicalTypes.LocalTimestampNanos ? Kind.TIMESTAMP
          : lt instanceof LogicalTypes.TimeMicros ? Kind.TIME : Kind.BIGINT;
      case FLOAT -> Kind.FLOAT;
      case DOUBLE -> Kind.DOUBLE;
      case STRING, ENUM -> Kind.STRING;
      case BYTES, FIXED -> Kind.BYTES;
      case RECORD, ARRAY, MAP -> Kind.STRING; // loaded as its JSON text
      default -> throw new SchemaException("Column " + name + " has Avro type " + s + ", which has no warehouse type");
    };
    return new ColumnDef(name, kind, 0, 0, nullable, partition);
  }

  /** This column's type in a dialect, e.g. {@code numeric(10,3)}. */
  String type(Dialect dialect) {
    return dialect.typeName(kind, precision, scale);
  }

  ColumnDef withNullable(boolean value) {
    return new ColumnDef(name, kind, precision, scale, value, partition);
  }
}
