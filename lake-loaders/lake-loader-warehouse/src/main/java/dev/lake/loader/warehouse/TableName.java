package dev.lake.loader.warehouse;

/** A schema-qualified table name; {@code schema} null means the dialect's default schema. */
record TableName(String schema, String name) {

  String schemaOr(Dialect dialect) {
    return schema != null ? schema : dialect.defaultSchema();
  }

  String quoted(Dialect dialect) {
    return Sql.ident(schemaOr(dialect)) + "." + Sql.ident(name);
  }

  /** "s.t" splits at the first dot; use the two-argument form for names holding dots. */
  static TableName parse(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0 ? new TableName(null, qualified)
        : new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
  }
}
