package dev.lake.examples.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.examples.Warehouse;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.examples.ecommerce.WarehouseImport;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import dev.lake.loader.warehouse.WarehouseLoad;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-commerce import and its warehouse load as one job: with DuckDB over JDBC the load adds only the lake reads
 * (checked against every call on s3proxy); with Redshift the Data API, login and COPY-manifest grants, exactly.
 */
class WarehouseImportIamTest {
  static S3StandIn s3;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3StandIn("wh-retail-data", "wh-retail-lake");
    s3.upload("online_retail", "wh-retail-data", "in/", "glob:by-day/2010-12-0[12].csv.gz");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void duckDbWarehouse_importThenLoad_policyAllowsEveryCallAndGrantsNothingUnused() {
    List<Object> job = WarehouseImport.of("s3://wh-retail-data/in/", "s3://wh-retail-lake/lake", "jdbc:duckdb:");
    Pipeline<?> pipeline = (Pipeline<?>) job.get(0);
    WarehouseLoad load = (WarehouseLoad) job.get(1);
    IamPolicy policy = pipeline.requiredPermissions(S3StandIn.SCOPE).and(load.permissions(S3StandIn.SCOPE));
    s3.calls.clear();

    pipeline.run();
    assertThat(load.run().rows()).isPositive();

    OtherPathGrants other = new OtherPathGrants("arn:aws:s3:::wh-retail-lake/lake/").dataset("processed/online_retail")
        .cursors(pipeline.name())
        .whenUsed("rejected/online_retail", "bad lines go to the rejected zone; these days have none");
    PolicyAssert.assertExact(policy, s3.calls.calls(), other.build());
  }

  @Test
  void jdbcWarehouses_fromALocalLake_needNoAwsPermission() {
    Lake local = Lake.at(dir.toUri());
    for (String url : List.of("jdbc:duckdb:", "jdbc:postgresql://localhost:5432/shop?user=u&password=p")) {
      IamPolicy p = Warehouse.of(url).loadOf(local, OnlineRetail.DATASET).permissions(S3StandIn.SCOPE);
      assertThat(p.statements()).as(url).isEmpty();
      assertThat(p.undeclared()).as(url).isEmpty();
    }
  }

  /** A load reads only the statements it ran itself; it runs in one session, so no BatchExecuteStatement. */
  static final String OWN_STATEMENTS = "{StringEquals={redshift-data:statement-owner-iam-userid=[${aws:userid}]}}";

  @Test
  void redshiftWarehouse_addsTheDataApiLoginAndCopyManifestsExactly() {
    String spec = "redshift:cluster=analytics;database=dev;dbUser=loader;"
        + "iamRole=arn:aws:iam::123456789012:role/lake-copy;region=eu-west-1";
    List<Object> job = WarehouseImport.of("s3://wh-retail-data/in/", "s3://wh-retail-lake/lake", spec);
    WarehouseLoad load = (WarehouseLoad) job.get(1);

    String lake = "arn:aws:s3:::wh-retail-lake/lake/";
    assertThat(PolicyAssert.grants(load.permissions(S3StandIn.SCOPE))).containsExactlyInAnyOrder(
        "redshift-data:ExecuteStatement arn:aws:redshift:eu-west-1:123456789012:cluster:analytics",
        "redshift-data:DescribeStatement * " + OWN_STATEMENTS,
        "redshift-data:GetStatementResult * " + OWN_STATEMENTS,
        "redshift:GetClusterCredentials arn:aws:redshift:eu-west-1:123456789012:dbuser:analytics/loader",
        "redshift:GetClusterCredentials arn:aws:redshift:eu-west-1:123456789012:dbname:analytics/dev",
        "s3:GetObject " + lake + "_lake/manifests/processed/online_retail/*",
        "s3:ListBucket arn:aws:s3:::wh-retail-lake {StringEquals={s3:prefix=[lake/_lake/manifests/processed/"
            + "online_retail/]}}",
        "s3:PutObject " + lake + "_lake/copy-manifests/processed/online_retail/*");
    assertThat(PolicyAssert.grants(load.copyRolePermissions(S3StandIn.SCOPE))).containsExactlyInAnyOrder(
        "s3:GetObject " + lake + "_lake/copy-manifests/processed/online_retail/*",
        "s3:GetObject " + lake + "processed/online_retail/*");
  }
}
