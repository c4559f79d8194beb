package dev.lake.loader.warehouse;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.DataFile;
import dev.lake.io.PartitionPaths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Redshift Spectrum / Athena DDL over a processed dataset on S3: an external schema on the Glue Data Catalog, an
 * external Parquet table partitioned like the dataset, and {@code ALTER TABLE … ADD IF NOT EXISTS PARTITION} for
 * the partitions of the newest commit (or only those its run added). Nothing is executed here: run the statements
 * with {@link RedshiftDataApi#execute} or JDBC (each on its own: external DDL cannot run inside a transaction).
 *
 * <pre>{@code
 * // given: RedshiftDataApi api, GlueClient glueClient
 * ExternalTables ext = ExternalTables.of(lake, "online_retail")
 *     .schema("spectrum").glueDatabase("lake").iamRole("arn:aws:iam::123456789012:role/spectrum");
 * ext.statements().forEach(api::execute);              // schema, table, every partition
 * ext.addedPartitions().forEach(api::execute);         // after a later run: only the partitions it added
 * ext.registerInGlue(glueClient);                      // or: the same table and partitions through the Glue API
 * }</pre>
 */
public final class ExternalTables {
  private final Lake lake;
  private final String dataset;
  private final String schema;
  private final String table;
  private final String glueDatabase;
  private final String iamRole;

  private ExternalTables(Lake lake, String dataset, String schema, String table, String glueDatabase,
      String iamRole) {
    this.lake = lake;
    this.dataset = dataset;
    this.schema = schema;
    this.table = table;
    this.glueDatabase = glueDatabase;
    this.iamRole = iamRole;
  }

  /** External tables over {@code dataset} of an s3:// lake; the table is named like the dataset by default. */
  public static ExternalTables of(Lake lake, String dataset) {
    Objects.requireNonNull(lake, "lake");
    ValidationException.check(dataset != null && !dataset.isBlank(), "A dataset name is required");
    String name = dataset.substring(dataset.lastIndexOf('/') + 1);
    return new ExternalTables(lake, dataset, "spectrum", name, null, null);
  }

  /**
   * The Athena and Redshift DDL for an Apache Iceberg table in the Glue Data Catalog (lake-iceberg's
   * {@code IcebergRead.of(catalog, "retail.sales").asTableSnapshot()}): see {@link IcebergExternalTables}. The Glue
   * database and table default to the snapshot's namespace and name.
   */
  public static IcebergExternalTables iceberg(dev.lake.io.TableSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    String name = snapshot.name().substring(snapshot.name().lastIndexOf(' ') + 1);
    int dot = name.lastIndexOf('.');
    return new IcebergExternalTables(snapshot, dot < 0 ? null : name.substring(0, dot), name.substring(dot + 1),
        "spectrum", null);
  }

  /** The external schema (default {@code spectrum}). */
  public ExternalTables schema(String value) {
    return new ExternalTables(lake, dataset, value, table, glueDatabase, iamRole);
  }

  /** The external table's name (default: the dataset's name). */
  public ExternalTables table(String value) {
    return new ExternalTables(lake, dataset, schema, value, glueDatabase, iamRole);
  }

  /** The Glue Data Catalog database behind the external schema (created if absent). */
  public ExternalTables glueDatabase(String value) {
    return new ExternalTables(lake, dataset, schema, table, value, iamRole);
  }

  /** The IAM role Redshift uses to reach Glue and S3. Never logged. */
  public ExternalTables iamRole(String value) {
    return new ExternalTables(lake, dataset, schema, table, glueDatabase, value);
  }

  /** {@code CREATE EXTERNAL SCHEMA IF NOT EXISTS … FROM DATA CATALOG DATABASE … IAM_ROLE … CREATE EXTERNAL DATABASE IF NOT EXISTS}. */
  public String createSchema() {
    ValidationException.check(glueDatabase != null, "Call .glueDatabase(\"…\") to name the Glue database");
    ValidationException.check(iamRole != null, "Call .iamRole(\"arn:aws:iam::…\") for Spectrum's role");
    return "CREATE EXTERNAL SCHEMA IF NOT EXISTS " + Sql.ident(schema) + " FROM DATA CATALOG DATABASE "
        + Sql.literal(glueDatabase) + " IAM_ROLE " + Sql.literal(iamRole) + " CREATE EXTERNAL DATABASE IF NOT EXISTS";
  }

  /** {@code CREATE EXTERNAL TABLE … PARTITIONED BY (…) STORED AS PARQUET LOCATION 's3://…/'}. */
  public String createTable() {
    Snapshot snap = snapshot();
    StringBuilder sb = new StringBuilder("CREATE EXTERNAL TABLE ").append(qualified()).append(" (");
    List<ColumnDef> files = snap.fileColumns();
    for (int i = 0; i < files.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(Sql.ident(files.get(i).name())).append(' ').append(type(files.get(i)));
    }
    sb.append(')');
    List<ColumnDef> parts = snap.partitionColumns();
    if (!parts.isEmpty()) {
      sb.append(" PARTITIONED BY (");
      for (int i = 0; i < parts.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(Sql.ident(parts.get(i).name())).append(' ').append(type(parts.get(i)));
      }
      sb.append(')');
    }
    String location = CopyManifests.s3Url(snap.committed().location());
    return sb.append(" STORED AS PARQUET LOCATION ").append(Sql.literal(location)).toString();
  }

  /** {@code ALTER TABLE … ADD IF NOT EXISTS PARTITION (…) LOCATION …} for every partition of the newest commit. */
  public List<String> partitions() {
    Snapshot snap = snapshot();
    return partitionStatements(snap, snap.committed().files());
  }

  /**
   * The same, only for the partitions of files the newest commit added. A run with nothing to append commits no
   * version (its report's sink is {@code unchanged}), so after it the newest commit is still an earlier run's: skip
   * this for such a run.
   */
  public List<String> addedPartitions() {
    Snapshot snap = snapshot();
    Set<String> added = Set.copyOf(snap.committed().added());
    return partitionStatements(snap, snap.committed().files().stream().filter(f -> added.contains(f.path())).toList());
  }

  /** The schema, the table and every partition, in order. */
  public List<String> statements() {
    List<String> out = new ArrayList<>();
    out.add(createSchema());
    out.add(createTable());
    out.addAll(partitions());
    return out;
  }

  /**
   * Registers the dataset in the Glue Data Catalog instead of through Redshift DDL: the database named by
   * {@link #glueDatabase} (created if absent), the table (created, or updated to the newest schema) and every
   * partition of the newest commit (existing ones are skipped). Needs {@code software.amazon.awssdk:glue} on the
   * classpath (an optional dependency of this module). The client is the caller's: never closed.
   *
   * @return how many partitions were created
   */
  public int registerInGlue(software.amazon.awssdk.services.glue.GlueClient glue) {
    Objects.requireNonNull(glue, "glue");
    ValidationException.check(glueDatabase != null, "Call .glueDatabase(\"…\") to name the Glue database");
    return GlueRegistrar.register(glue, snapshot(), glueDatabase, table);
  }

  /**
   * What {@link #registerInGlue} needs, on the exact Data Catalog ARNs in {@code scope}'s region and account:
   * {@code glue:CreateDatabase} on the catalog and the database; {@code glue:CreateTable}, {@code glue:UpdateTable}
   * and {@code glue:BatchCreatePartition} on the catalog, the database and the table (Glue authorizes a table action
   * on all three). Reading the dataset's manifests is the lake's part, as for any reader.
   *
   * <pre>{@code
   * IamPolicy p = ExternalTables.of(lake, "online_retail").glueDatabase("lake").gluePermissions(scope);
   * }</pre>
   */
  public dev.lake.iam.IamPolicy gluePermissions(dev.lake.iam.IamScope scope) {
    Objects.requireNonNull(scope, "scope");
    ValidationException.check(glueDatabase != null, "Call .glueDatabase(\"…\") to name the Glue database");
    String catalog = scope.arn("glue", "catalog");
    String database = scope.arn("glue", "database/" + glueDatabase);
    String tableArn = scope.arn("glue", "table/" + glueDatabase + "/" + table);
    return dev.lake.iam.IamPolicy.of(
        dev.lake.iam.Permission.allow(List.of("glue:CreateDatabase"), catalog, database),
        dev.lake.iam.Permission.allow(List.of("glue:BatchCreatePartition", "glue:CreateTable", "glue:UpdateTable"),
            catalog, database, tableArn))
        .and(lake.store().permissions(lake.uri("_lake/manifests/" + datasetPath() + "/"),
            java.util.EnumSet.of(dev.lake.iam.Access.READ, dev.lake.iam.Access.LIST), scope));
  }

  private String datasetPath() {
    String d = dataset.endsWith("/") ? dataset.substring(0, dataset.length() - 1) : dataset;
    return d.startsWith("processed/") || d.startsWith("raw/") || d.startsWith("rejected/") ? d
        : lake.processed(d).dataset();
  }

  private List<String> partitionStatements(Snapshot snap, List<DataFile> files) {
    List<ColumnDef> parts = snap.partitionColumns();
    if (parts.isEmpty()) {
      return List.of();
    }
    Set<Map<String, String>> seen = new LinkedHashSet<>();
    files.forEach(f -> seen.add(f.partition()));
    List<String> out = new ArrayList<>();
    for (Map<String, String> p : seen) {
      StringBuilder sb = new StringBuilder("ALTER TABLE ").append(qualified()).append(" ADD IF NOT EXISTS PARTITION (");
      for (int i = 0; i < parts.size(); i++) {
        String v = p.get(parts.get(i).name());
        sb.append(i == 0 ? "" : ", ").append(Sql.ident(parts.get(i).name())).append('=')
            .append(Sql.literal(v == null ? PartitionPaths.NULL_VALUE : v));
      }
      sb.append(") LOCATION ").append(Sql.literal(CopyManifests.s3Url(snap.partitionDirectory(p))));
      out.add(sb.toString());
    }
    return out;
  }

  private Snapshot snapshot() {
    ValidationException.check("s3".equals(lake.root().getScheme()),
        "External tables read S3, but the lake is at %s: use an s3:// lake", lake.root());
    return Snapshot.of(lake, dataset);
  }

  private String qualified() {
    return Sql.ident(schema) + "." + Sql.ident(table);
  }

  /** Spectrum types: as Redshift's, but timestamps without zone (Spectrum has no TIMESTAMPTZ) and bounded text. */
  private static String type(ColumnDef c) {
    return switch (c.kind()) {
      case TIMESTAMPTZ -> "TIMESTAMP";
      case BYTES -> "VARBYTE(65535)";
      default -> c.type(Dialect.REDSHIFT);
    };
  }

  @Override
  public String toString() {
    return "ExternalTables(" + dataset + " -> " + qualified() + ")";
  }
}
