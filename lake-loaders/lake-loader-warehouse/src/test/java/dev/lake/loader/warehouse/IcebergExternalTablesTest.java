package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamScope;
import dev.lake.sink.s3.S3ObjectStore;
import dev.lake.testing.InMemorySource;
import dev.lake.io.ObjectStores;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.sink.iceberg.IcebergRead;
import dev.lake.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Athena and Redshift DDL for an Iceberg table on S3 (s3proxy) with hidden partitioning, and what a load of an
 * Iceberg table in a Glue catalog needs from IAM.
 */
class IcebergExternalTablesTest {
  @TempDir
  static Path dir;
  static S3ProxyServer s3;
  static IcebergCatalog catalog;

  record Sale(String invoice, long id, Instant ts, double price, int month) {}

  record Address(String city, int zip) {}

  record Order(String id, Address ship, List<String> tags, Map<String, Integer> counts) {}

  @BeforeAll
  static void table() {
    s3 = S3ProxyServer.start("ak", "sk-iceberg-ddl");
    s3.client().createBucket(b -> b.bucket("lake-ice"));
    ObjectStores.register(URI.create("s3://lake-ice"),
        S3ObjectStore.builder().endpointOverride(s3.endpoint()).pathStyle(true)
        .region(s3.region()).credentials(s3.credentials()).build());
    catalog = IcebergCatalog.jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"), "s3://lake-ice/warehouse");
    Pipeline.from(InMemorySource.of("sales", List.of(new Sale("536365", 7, Instant.parse("2011-12-01T08:26:00Z"),
        2.55, 12)))).named("sales")
        .to(catalog.<Sale>table("retail.sales").partitionBy("month", "day(ts)", "bucket(4, id)")).run();
    Pipeline.from(InMemorySource.of("orders", List.of(new Order("o1", new Address("Lyon", 69001), List.of("gift"),
        Map.of("boxes", 2))))).named("orders").to(catalog.<Order>table("retail.orders")).run();
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @Test
  void athenaCreateTable_icebergTableWithTransforms() {
    IcebergExternalTables ddl = ExternalTables.iceberg(IcebergRead.of(catalog, "retail.sales").asTableSnapshot());
    assertThat(ddl.athenaCreateTable()).isEqualTo("CREATE TABLE IF NOT EXISTS `retail`.`sales` (`invoice` string, "
        + "`id` bigint, `ts` timestamp, `price` double, `month` int) PARTITIONED BY (`month`, day(ts), bucket(4, id)) "
        + "LOCATION 's3://lake-ice/warehouse/retail/sales' TBLPROPERTIES ('table_type'='ICEBERG', "
        + "'format'='parquet', 'write_compression'='snappy')");
  }

  @Test
  void athenaCreateTable_nestedColumns_asStructArrayAndMap() {
    IcebergExternalTables ddl = ExternalTables.iceberg(IcebergRead.of(catalog, "retail.orders").asTableSnapshot());
    assertThat(ddl.athenaCreateTable()).isEqualTo("CREATE TABLE IF NOT EXISTS `retail`.`orders` (`id` string, "
        + "`ship` struct<city:string,zip:int>, `tags` array<string>, `counts` map<string,int>) "
        + "LOCATION 's3://lake-ice/warehouse/retail/orders' TBLPROPERTIES ('table_type'='ICEBERG', "
        + "'format'='parquet', 'write_compression'='snappy')");
  }

  @Test
  void redshift_externalSchemaFromTheGlueDatabase() {
    IcebergExternalTables ddl = ExternalTables.iceberg(IcebergRead.of(catalog, "retail.sales").asTableSnapshot())
        .glueDatabase("lake_retail").schema("ice").iamRole("arn:aws:iam::123456789012:role/spectrum");
    assertThat(ddl.statements()).containsExactly("CREATE EXTERNAL SCHEMA IF NOT EXISTS \"ice\" FROM DATA CATALOG "
        + "DATABASE 'lake_retail' IAM_ROLE 'arn:aws:iam::123456789012:role/spectrum'");
    assertThat(ddl.selectAll()).isEqualTo("SELECT * FROM \"ice\".\"sales\"");
    assertThatThrownBy(() -> ddl.iamRole(null).createSchema()).isInstanceOf(ValidationException.class)
        .hasMessageContaining(".iamRole(");
  }

  @Test
  void loadPermissions_glueCatalog_readsTheTableOnly() {
    IcebergCatalog glue = IcebergCatalog.of("glue", Map.of("catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog",
        "warehouse", "s3://lake-ice/warehouse"));
    String policy = WarehouseLoad.of(IcebergRead.of(glue, "retail.sales").asTableSnapshot())
        .into(Dialect.POSTGRES, SharedPostgres.dataSource()).table("public.sales")
        .permissions(IamScope.of("eu-west-1", "123456789012")).toJson();
    assertThat(policy).contains("\"glue:GetTable\"").contains("\"glue:GetDatabase\"")
        .contains("arn:aws:glue:eu-west-1:123456789012:table/retail/sales")
        .contains("arn:aws:s3:::lake-ice/warehouse/retail.db/sales/*")
        .doesNotContain("PutObject").doesNotContain("DeleteObject").doesNotContain("CreateTable")
        .doesNotContain("UpdateTable");
  }
}
