package dev.lake.sink.iceberg;

import dev.lake.iam.Access;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.Permission;
import dev.lake.io.ObjectStores;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * What writing to an Iceberg table needs from AWS: on the table's prefix (the catalog's default location for it),
 * reading, listing and writing objects, deleting them (a failed attempt's files, expired snapshots' files,
 * orphans) and, on S3, aborting a failed run's multipart upload (a data file larger than the store's part size);
 * for the AWS Glue catalog, reading and updating the table and creating it and its database. A JDBC
 * catalog is a database login, not IAM; what a REST catalog (S3 Tables, Polaris) authorizes is the catalog's own
 * policy, so it is listed as undeclared rather than guessed.
 *
 * <pre>{@code
 * IamPolicy p = IcebergPermissions.of(catalogProperties, "retail.online_retail", IamScope.of("eu-west-1", "1234"));
 * }</pre>
 */
final class IcebergPermissions {
  private IcebergPermissions() {}

  static IamPolicy of(Map<String, String> catalog, String table, IamScope scope) {
    return of(catalog, table, scope, true);
  }

  /**
   * What reading a table needs: its objects read and listed, and for a Glue catalog only {@code glue:GetDatabase}
   * and {@code glue:GetTable}.
   */
  static IamPolicy read(Map<String, String> catalog, String table, IamScope scope) {
    return of(catalog, table, scope, false);
  }

  private static IamPolicy of(Map<String, String> catalog, String table, IamScope scope, boolean write) {
    TableIdentifier id = TableIdentifier.parse(table);
    String impl = catalog.getOrDefault(CatalogProperties.CATALOG_IMPL, catalog.getOrDefault("type", ""));
    String warehouse = catalog.getOrDefault(CatalogProperties.WAREHOUSE_LOCATION, "");
    boolean glue = impl.endsWith("GlueCatalog") || impl.equals("glue");
    boolean jdbc = impl.endsWith("JdbcCatalog") || impl.equals("jdbc");
    if (!glue && !jdbc) {
      return IamPolicy.undeclared("iceberg catalog " + (impl.isEmpty() ? "(unnamed)" : impl) + " for " + table);
    }
    String namespace = String.join("/", id.namespace().levels());
    String dir = warehouse.replaceAll("/+$", "") + "/" + namespace + (glue ? ".db" : "") + "/" + id.name() + "/";
    URI location = ObjectStores.toUri(dir);
    IamPolicy files = "file".equals(location.getScheme()) ? IamPolicy.empty()
        : ObjectStores.forUri(location).permissions(location,
            write ? EnumSet.of(Access.READ, Access.LIST, Access.WRITE, Access.DELETE)
                : EnumSet.of(Access.READ, Access.LIST), scope);
    if (write && "s3".equals(location.getScheme())) {
      // a data file larger than the store's part size goes up in parts; a run that fails after a part was sent
      // aborts that upload (nothing lists uploads, so no s3:ListBucketMultipartUploads)
      files = files.and(IamPolicy.of(Permission.allow(List.of("s3:AbortMultipartUpload"),
          "arn:" + scope.partition() + ":s3:::" + location.getAuthority() + location.getPath() + "*")));
    }
    if (!glue) {
      return files;
    }
    String database = String.join(".", id.namespace().levels());
    String catalogArn = scope.arn("glue", "catalog");
    String databaseArn = scope.arn("glue", "database/" + database);
    String tableArn = scope.arn("glue", "table/" + database + "/" + id.name());
    if (!write) {
      return files.and(IamPolicy.of(Permission.allow(List.of("glue:GetDatabase"), catalogArn, databaseArn),
          Permission.allow(List.of("glue:GetTable"), catalogArn, databaseArn, tableArn)));
    }
    return files.and(IamPolicy.of(
        Permission.allow(List.of("glue:GetDatabase", "glue:CreateDatabase"), catalogArn, databaseArn),
        Permission.allow(List.of("glue:GetTable", "glue:CreateTable", "glue:UpdateTable"), catalogArn, databaseArn,
            tableArn)));
  }
}
