package dev.lake.loader.warehouse;

import dev.lake.loader.warehouse.ColumnDef.Kind;

/**
 * The SQL warehouse a {@link WarehouseLoad} writes to, and how its data moves there.
 *
 * <pre>{@code
 * // given: javax.sql.DataSource duckDataSource
 * WarehouseLoad.of(lake, "online_retail").into(Dialect.DUCKDB, duckDataSource).table("online_retail").run();
 * }</pre>
 */
public enum Dialect {
  /** Amazon Redshift: {@code COPY … FROM '<manifest>' IAM_ROLE … FORMAT AS PARQUET MANIFEST} from an s3:// lake. */
  REDSHIFT("public"),
  /** PostgreSQL (MERGE needs 15+): rows streamed from the committed files through {@code COPY … FROM STDIN}. */
  POSTGRES("public"),
  /** DuckDB: {@code read_parquet} over the committed files of a local (file://) lake. */
  DUCKDB("main");

  private final String defaultSchema;

  Dialect(String defaultSchema) {
    this.defaultSchema = defaultSchema;
  }

  /** The schema a table name without one is created in ({@code public}, or {@code main} on DuckDB). */
  public String defaultSchema() {
    return defaultSchema;
  }

  /** A double-quoted identifier, embedded quotes doubled: {@code a"b} becomes {@code "a""b"}. */
  public String quote(String identifier) {
    return Sql.ident(identifier);
  }

  String typeName(Kind kind, int precision, int scale) {
    return switch (this) {
      case POSTGRES -> switch (kind) {
        case BOOLEAN -> "boolean";
        case INT -> "integer";
        case BIGINT -> "bigint";
        case FLOAT -> "real";
        case DOUBLE -> "double precision";
        case DECIMAL -> "numeric(" + precision + "," + scale + ")";
        case STRING -> "text";
        case BYTES -> "bytea";
        case DATE -> "date";
        case TIME -> "time";
        case TIMESTAMP -> "timestamp";
        case TIMESTAMPTZ -> "timestamptz";
      };
      case DUCKDB -> switch (kind) {
        case BOOLEAN -> "BOOLEAN";
        case INT -> "INTEGER";
        case BIGINT -> "BIGINT";
        case FLOAT -> "REAL";
        case DOUBLE -> "DOUBLE";
        case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
        case STRING -> "VARCHAR";
        case BYTES -> "BLOB";
        case DATE -> "DATE";
        case TIME -> "TIME";
        case TIMESTAMP -> "TIMESTAMP";
        case TIMESTAMPTZ -> "TIMESTAMPTZ";
      };
      case REDSHIFT -> switch (kind) {
        case BOOLEAN -> "BOOLEAN";
        case INT -> "INTEGER";
        case BIGINT -> "BIGINT";
        case FLOAT -> "REAL";
        case DOUBLE -> "DOUBLE PRECISION";
        case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
        case STRING -> "VARCHAR(65535)";
        case BYTES -> "VARBYTE(1024000)";
        case DATE -> "DATE";
        case TIME -> "TIME";
        case TIMESTAMP -> "TIMESTAMP";
        case TIMESTAMPTZ -> "TIMESTAMPTZ";
      };
    };
  }
}
