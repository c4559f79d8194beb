package dev.lake.loader.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The SQL of a load, per dialect. Identifiers are quoted by {@link Sql#ident}; no value is ever inlined here. */
final class Statements {
  private Statements() {}

  static String createSchema(String schema) {
    return "CREATE SCHEMA IF NOT EXISTS " + Sql.ident(schema);
  }

  static String createTable(Dialect d, String table, List<ColumnDef> columns, RedshiftOptions o) {
    StringBuilder sb = new StringBuilder("CREATE TABLE ").append(table).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      ColumnDef c = columns.get(i);
      sb.append(i == 0 ? "" : ", ").append(Sql.ident(c.name())).append(' ').append(c.type(d));
      if (d == Dialect.REDSHIFT && o.encodings().containsKey(c.name())) {
        sb.append(" ENCODE ").append(o.encodings().get(c.name()).toUpperCase(Locale.ROOT));
      }
      if (!c.nullable()) {
        sb.append(" NOT NULL");
      }
    }
    sb.append(')');
    if (d == Dialect.REDSHIFT) {
      if (o.distKey() != null) {
        sb.append(" DISTSTYLE KEY DISTKEY(").append(Sql.ident(o.distKey())).append(')');
      } else if (o.distStyle() != null) {
        sb.append(" DISTSTYLE ").append(o.distStyle().toUpperCase(Locale.ROOT));
      }
      if (!o.sortKeys().isEmpty()) {
        sb.append(" COMPOUND SORTKEY(").append(Sql.idents(o.sortKeys())).append(')');
      }
    }
    return sb.toString();
  }

  static String addColumn(Dialect d, String table, ColumnDef c) {
    return "ALTER TABLE " + table + " ADD COLUMN " + Sql.ident(c.name()) + " " + c.type(d);
  }

  /** A session-local staging table with the given columns, all nullable. */
  static String createStage(Dialect d, String stage, List<ColumnDef> columns) {
    return "CREATE TEMP TABLE " + Sql.ident(stage) + " (" + columns.stream()
        .map(c -> Sql.ident(c.name()) + " " + c.type(d)).collect(Collectors.joining(", ")) + ")";
  }

  static String dropStage(String stage) {
    return "DROP TABLE IF EXISTS " + Sql.ident(stage);
  }

  static String deleteAll(String table) {
    return "DELETE FROM " + table;
  }

  /** Upsert from a staging table: MERGE on PostgreSQL 15+ and DuckDB. */
  static List<String> merge(String table, String stage, List<String> columns, List<String> keys) {
    String on = keys.stream().map(k -> "t." + Sql.ident(k) + " = s." + Sql.ident(k))
        .collect(Collectors.joining(" AND "));
    List<String> rest = columns.stream().filter(c -> !keys.contains(c)).toList();
    StringBuilder sb = new StringBuilder("MERGE INTO ").append(table).append(" AS t USING ")
        .append(Sql.ident(stage)).append(" AS s ON ").append(on);
    if (!rest.isEmpty()) {
      sb.append(" WHEN MATCHED THEN UPDATE SET ").append(rest.stream()
          .map(c -> Sql.ident(c) + " = s." + Sql.ident(c)).collect(Collectors.joining(", ")));
    }
    sb.append(" WHEN NOT MATCHED THEN INSERT (").append(Sql.idents(columns)).append(") VALUES (")
        .append(columns.stream().map(c -> "s." + Sql.ident(c)).collect(Collectors.joining(", "))).append(')');
    return List.of(sb.toString());
  }

  /** Upsert from a staging table as DELETE … USING + INSERT (Redshift; any dialect without MERGE). */
  static List<String> deleteInsert(String table, String stage, List<String> columns, List<String> keys) {
    String qs = Sql.ident(stage);
    String where = keys.stream().map(k -> table + "." + Sql.ident(k) + " = " + qs + "." + Sql.ident(k))
        .collect(Collectors.joining(" AND "));
    List<String> out = new ArrayList<>();
    out.add("DELETE FROM " + table + " USING " + qs + " WHERE " + where);
    out.add("INSERT INTO " + table + " (" + Sql.idents(columns) + ") SELECT " + Sql.idents(columns) + " FROM " + qs);
    return out;
  }

  /**
   * Deletes the rows of one partition: each column equal to its value, cast to the column's type; a null value
   * (Hive's null directory, which also holds '' in text columns) matches NULL, and '' too in a text column.
   */
  static String deletePartition(Dialect d, String table, List<ColumnDef> columns, Map<String, String> values) {
    List<String> terms = new ArrayList<>();
    for (ColumnDef c : columns) {
      String v = Snapshot.partitionValue(values, c);
      String col = Sql.ident(c.name());
      if (v == null || v.isEmpty()) {
        terms.add(c.kind() == ColumnDef.Kind.STRING ? "(" + col + " IS NULL OR " + col + " = '')" : col + " IS NULL");
      } else {
        terms.add(col + " = " + cast(d, c, literal(d, v)));
      }
    }
    return "DELETE FROM " + table + (terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms));
  }

  /** An escaped string literal of the dialect (PostgreSQL loads run with standard_conforming_strings on). */
  static String literal(Dialect d, String value) {
    return d == Dialect.REDSHIFT ? Sql.literal(value) : Sql.standardLiteral(value);
  }

  /** {@code CAST(<value> AS type)}: a bound parameter ({@code ?}) or an escaped literal. */
  static String cast(Dialect d, ColumnDef c, String valueSql) {
    return "CAST(" + valueSql + " AS " + c.type(d) + ")";
  }
}
