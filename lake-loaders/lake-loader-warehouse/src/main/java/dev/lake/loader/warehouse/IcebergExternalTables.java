package dev.lake.loader.warehouse;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * The Athena and Redshift Spectrum DDL for an Apache Iceberg table in the AWS Glue Data Catalog (written by
 * lake-iceberg through {@code IcebergCatalog.of("glue", …GlueCatalog…)}, or created by Athena). Both engines read such
 * a table through Glue as it is, snapshots and deletes included, so there is no external table to declare:
 * <ul>
 *   <li>Athena: {@link #athenaCreateTable()} is {@code CREATE TABLE … PARTITIONED BY (…) LOCATION …
 *   TBLPROPERTIES ('table_type'='ICEBERG')}, which creates the table (empty) from Athena, e.g. before Lake's first
 *   run appends to it, or in another Glue catalog; a table Lake created through Glue is already queryable;</li>
 *   <li>Redshift: {@link #createSchema()} maps the Glue database to an external schema; the table is then
 *   {@code spectrum.<table>} ({@link #selectAll()}), and {@code INSERT INTO … SELECT} from it loads a snapshot with its
 *   deletes applied, which COPY cannot.</li>
 * </ul>
 * Nothing is executed here.
 *
 * <pre>{@code
 * // given: IcebergCatalog catalog, RedshiftDataApi redshiftDataApi
 * IcebergExternalTables ddl = ExternalTables.iceberg(IcebergRead.of(catalog, "retail.sales").asTableSnapshot())
 *     .glueDatabase("retail").table("sales").schema("spectrum").iamRole("arn:aws:iam::123456789012:role/spectrum");
 * System.out.println(ddl.athenaCreateTable());
 * ddl.statements().forEach(redshiftDataApi::execute);
 * }</pre>
 */
public final class IcebergExternalTables {
  private final TableSnapshot snapshot;
  private final String glueDatabase;
  private final String table;
  private final String schema;
  private final String iamRole;

  IcebergExternalTables(TableSnapshot snapshot, String glueDatabase, String table, String schema, String iamRole) {
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.glueDatabase = glueDatabase;
    this.table = table;
    this.schema = schema;
    this.iamRole = iamRole;
  }

  /** The Glue database that holds the table (the Iceberg namespace). */
  public IcebergExternalTables glueDatabase(String value) {
    return new IcebergExternalTables(snapshot, value, table, schema, iamRole);
  }

  /** The table's name in Glue. */
  public IcebergExternalTables table(String value) {
    return new IcebergExternalTables(snapshot, glueDatabase, value, schema, iamRole);
  }

  /** The Redshift external schema (default {@code spectrum}). */
  public IcebergExternalTables schema(String value) {
    return new IcebergExternalTables(snapshot, glueDatabase, table, value, iamRole);
  }

  /** The IAM role Redshift reads Glue and S3 with. Never logged. */
  public IcebergExternalTables iamRole(String value) {
    return new IcebergExternalTables(snapshot, glueDatabase, table, schema, value);
  }

  /** Athena's {@code CREATE TABLE IF NOT EXISTS … TBLPROPERTIES ('table_type'='ICEBERG')} for the table. */
  public String athenaCreateTable() {
    names();
    String location = snapshot.location();
    ValidationException.check(location.startsWith("s3://"),
        "Athena reads Iceberg tables on S3, but %s is at %s", snapshot.name(), location);
    StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS `").append(glueDatabase).append("`.`")
        .append(table).append("` (");
    List<Schema.Field> fields = snapshot.schema().getFields();
    for (int i = 0; i < fields.size(); i++) {
      Schema.Field f = fields.get(i);
      sb.append(i == 0 ? "" : ", ").append('`').append(f.name()).append("` ").append(athenaType(f));
    }
    sb.append(')');
    List<String> partitioning = snapshot.partitioning();
    if (!partitioning.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      for (String term : partitioning) {
        quoted.add(term.contains("(") ? term : "`" + term + "`");
      }
      sb.append(" PARTITIONED BY (").append(String.join(", ", quoted)).append(')');
    }
    return sb.append(" LOCATION '").append(location.replace("'", "''")).append("' TBLPROPERTIES ('table_type'="
        + "'ICEBERG', 'format'='parquet', 'write_compression'='snappy')").toString();
  }

  /** Redshift's {@code CREATE EXTERNAL SCHEMA IF NOT EXISTS … FROM DATA CATALOG DATABASE … IAM_ROLE …}. */
  public String createSchema() {
    names();
    ValidationException.check(iamRole != null, "Call .iamRole(\"arn:aws:iam::…\") for Redshift's role");
    return "CREATE EXTERNAL SCHEMA IF NOT EXISTS " + Sql.ident(schema) + " FROM DATA CATALOG DATABASE "
        + Sql.literal(glueDatabase) + " IAM_ROLE " + Sql.literal(iamRole);
  }

  /** {@code SELECT * FROM spectrum.<table>}: the newest snapshot, deletes applied, read by Redshift. */
  public String selectAll() {
    names();
    return "SELECT * FROM " + Sql.ident(schema) + "." + Sql.ident(table);
  }

  /** Redshift's statements: the external schema (the table needs none of its own). */
  public List<String> statements() {
    return List.of(createSchema());
  }

  private void names() {
    ValidationException.check(glueDatabase != null, "Call .glueDatabase(\"…\") to name the Glue database");
    ValidationException.check(table != null, "Call .table(\"…\") to name the table in Glue");
  }

  /** Athena's type for an Iceberg table's column. */
  private String athenaType(Schema.Field f) {
    return athenaType(dev.lake.Schemas.nonNull(f.schema()), f.name());
  }

  /**
   * Athena's (Hive's) type for a column's schema, nested ones included: {@code struct<name:type,…>},
   * {@code array<type>}, {@code map<string,type>}; {@code path} names the column in messages.
   */
  private String athenaType(Schema s, String path) {
    switch (s.getType()) {
      case RECORD: {
        List<String> fields = new ArrayList<>();
        for (Schema.Field field : s.getFields()) {
          Schema type = dev.lake.Schemas.nonNull(field.schema());
          fields.add(field.name() + ":" + athenaType(type, path + "." + field.name()));
        }
        return "struct<" + String.join(",", fields) + ">";
      }
      case ARRAY:
        return "array<" + athenaType(dev.lake.Schemas.nonNull(s.getElementType()), path + "[]") + ">";
      case MAP:
        return "map<string," + athenaType(dev.lake.Schemas.nonNull(s.getValueType()), path + "{}") + ">";
      default:
        break;
    }
    if (s.getType() == Schema.Type.UNION) {
      throw new ValidationException("Column " + path + " of " + snapshot.name() + " is a union of " + s.getTypes()
          + ", which no Athena column can hold");
    }
    ColumnDef c = ColumnDef.of(Schema.createRecord("r", null, null, false, List.of(new Schema.Field("c", s))),
        List.of()).get(0);
    return switch (c.kind()) {
      case BOOLEAN -> "boolean";
      case INT -> "int";
      case BIGINT -> "bigint";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal(" + c.precision() + "," + c.scale() + ")";
      case STRING -> "string";
      case BYTES -> "binary";
      case DATE -> "date";
      case TIMESTAMP, TIMESTAMPTZ -> "timestamp";
      case TIME -> throw new ValidationException("Column " + path + " of " + snapshot.name() + " is a time of "
          + "day, which Athena's Iceberg tables do not have: store it as a string or a timestamp");
    };
  }

  @Override
  public String toString() {
    return "IcebergExternalTables(" + snapshot.name() + " -> " + glueDatabase + "." + table + ")";
  }
}
