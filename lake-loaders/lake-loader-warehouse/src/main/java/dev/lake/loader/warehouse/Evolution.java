package dev.lake.loader.warehouse;

import dev.lake.exceptions.SchemaException;
import dev.lake.loader.warehouse.ColumnDef.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the dataset's columns with an existing table before any data moves: new columns are added (nullable,
 * since the table's rows have no value for them); a changed type or a dropped NOT NULL column fails, naming the
 * column and both types.
 */
final class Evolution {
  /** A column of an existing table, from {@code information_schema.columns}. */
  record Existing(String name, String dataType, boolean nullable, Integer precision, Integer scale) {
    String describe() {
      return dataType + (nullable ? "" : " NOT NULL");
    }
  }

  private Evolution() {}

  /** The dataset columns the table lacks; throws when the dataset cannot be loaded into the table. */
  static List<ColumnDef> columnsToAdd(String table, String dataset, List<Existing> existing, List<ColumnDef> wanted,
      Dialect dialect) {
    Map<String, Existing> byName = new LinkedHashMap<>();
    existing.forEach(e -> byName.put(e.name(), e));
    List<ColumnDef> added = new ArrayList<>();
    for (ColumnDef c : wanted) {
      Existing e = byName.remove(c.name());
      if (e == null) {
        added.add(c.withNullable(true));
      } else if (!compatible(e, c)) {
        throw new SchemaException(String.format("Column %s of table %s is %s, but in dataset %s it is %s (%s): "
                + "the types are incompatible, so nothing was loaded. Alter or recreate the table, or load into "
                + "another table", Sql.ident(c.name()), table, e.describe(), dataset, c.type(dialect),
            c.nullable() ? "nullable" : "NOT NULL"));
      }
    }
    for (Existing e : byName.values()) {
      if (!e.nullable()) {
        throw new SchemaException(String.format("Column %s of table %s is %s, but dataset %s no longer has it "
                + "(dropped): its rows could not be loaded. Make the column nullable or drop it first",
            Sql.ident(e.name()), table, e.describe(), dataset));
      }
    }
    return added;
  }

  static boolean compatible(Existing e, ColumnDef c) {
    Kind k = kindOf(e.dataType());
    if (k == null) {
      return false;
    }
    if (k == Kind.DECIMAL && c.kind() == Kind.DECIMAL) {
      int p = e.precision() == null ? 38 : e.precision();
      int s = e.scale() == null ? 0 : e.scale();
      return s == c.scale() && p >= c.precision();
    }
    return k == c.kind()
        || k == Kind.BIGINT && c.kind() == Kind.INT
        || k == Kind.DOUBLE && (c.kind() == Kind.FLOAT || c.kind() == Kind.INT);
  }

  /** The family of an {@code information_schema} data type on PostgreSQL, Redshift or DuckDB; null if unknown. */
  static Kind kindOf(String dataType) {
    String t = dataType.toLowerCase(Locale.ROOT).trim();
    int paren = t.indexOf('(');
    if (paren > 0) {
      t = t.substring(0, paren).trim();
    }
    return switch (t) {
      case "boolean", "bool" -> Kind.BOOLEAN;
      case "integer", "int", "int4" -> Kind.INT;
      case "bigint", "int8" -> Kind.BIGINT;
      case "real", "float4", "float" -> Kind.FLOAT;
      case "double precision", "double", "float8" -> Kind.DOUBLE;
      case "numeric", "decimal" -> Kind.DECIMAL;
      case "text", "character varying", "varchar", "character", "char", "bpchar" -> Kind.STRING;
      case "bytea", "blob", "varbyte", "binary varying" -> Kind.BYTES;
      case "date" -> Kind.DATE;
      case "time", "time without time zone" -> Kind.TIME;
      case "timestamp", "timestamp without time zone" -> Kind.TIMESTAMP;
      case "timestamptz", "timestamp with time zone" -> Kind.TIMESTAMPTZ;
      default -> null;
    };
  }
}
