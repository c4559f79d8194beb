package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyAssert;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/**
 * The warehouse load's IAM, grant by grant, against expectations written out here from the AWS service authorization
 * reference (actions and ARN formats), not computed by the code under test.
 */
class WarehousePermissionsTest {
  static final IamScope SCOPE = IamScope.of("us-east-1", "123456789012");
  static final String LAKE = "arn:aws:s3:::perm-lake/lake/";
  static final String LIST_MANIFESTS = "s3:ListBucket arn:aws:s3:::perm-lake "
      + "{StringEquals={s3:prefix=[lake/_lake/manifests/processed/online_retail/]}}";
  /** A data source never connected to: permissions() makes no call. */
  static final DataSource UNUSED = JdbcDataSource.of("jdbc:duckdb:");
  static RedshiftDataClient client;

  @TempDir
  Path dir;

  @BeforeAll
  static void client() {
    System.setProperty("aws.region", "us-east-1"); // the default S3 store of s3://perm-lake is built, never called
    client = RedshiftDataClient.builder().region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKE", "fake")))
        .build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** Describe and read results only of the statements the role ran itself (AWS's managed Data API policy does so). */
  static final String OWN_STATEMENTS = "{StringEquals={redshift-data:statement-owner-iam-userid=[${aws:userid}]}}";

  static Lake lake() {
    return Lake.at("s3://perm-lake/lake");
  }

  @Test
  void permissions_dataApiOnAClusterAsADbUser_exactGrants() {
    RedshiftDataApi api = RedshiftDataApi.builder().client(client).clusterIdentifier("analytics").database("dev")
        .dbUser("loader").build();

    IamPolicy p = WarehouseLoad.of(lake(), "online_retail").into(api).table("public.online_retail")
        .iamRole("arn:aws:iam::123456789012:role/copy").permissions(SCOPE);

    assertThat(PolicyAssert.grants(p)).containsExactlyInAnyOrderElementsOf(Set.of(
        "redshift-data:DescribeStatement * " + OWN_STATEMENTS,
        "redshift-data:GetStatementResult * " + OWN_STATEMENTS,
        "redshift-data:ExecuteStatement arn:aws:redshift:eu-west-1:123456789012:cluster:analytics",
        "redshift:GetClusterCredentials arn:aws:redshift:eu-west-1:123456789012:dbuser:analytics/loader",
        "redshift:GetClusterCredentials arn:aws:redshift:eu-west-1:123456789012:dbname:analytics/dev",
        "s3:GetObject " + LAKE + "_lake/manifests/processed/online_retail/*",
        LIST_MANIFESTS,
        "s3:PutObject " + LAKE + "_lake/copy-manifests/processed/online_retail/*"));
    assertThat(p.undeclared()).isEmpty();
  }

  @Test
  void permissions_dataApiWithASecret_readsThatSecretInsteadOfClusterCredentials() {
    String secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:redshift-loader-AbCdEf";
    RedshiftDataApi api = RedshiftDataApi.builder().client(client).clusterIdentifier("analytics").database("dev")
        .secretArn(secret).build();

    Set<String> grants = PolicyAssert.grants(WarehouseLoad.of(lake(), "processed/online_retail").into(api).table("t")
        .iamRole("arn:aws:iam::123456789012:role/copy").permissions(SCOPE));

    assertThat(grants).contains("secretsmanager:GetSecretValue " + secret)
        .noneMatch(g -> g.startsWith("redshift:"));
  }

  @Test
  void permissions_serverlessWorkgroup_byArnGetsCredentialsOnIt_byNameIsUndeclared() {
    String workgroup = "arn:aws:redshift-serverless:eu-west-1:123456789012:workgroup/"
        + "3b2f6c1e-4f5a-4a7b-9c1d-2e3f4a5b6c7d";
    RedshiftDataApi byArn = RedshiftDataApi.builder().client(client).workgroupName(workgroup).database("dev").build();
    RedshiftDataApi byName = RedshiftDataApi.builder().client(client).workgroupName("analytics").database("dev")
        .build();

    assertThat(PolicyAssert.grants(byArn.permissions(SCOPE))).containsExactlyInAnyOrder(
        "redshift-data:DescribeStatement * " + OWN_STATEMENTS, "redshift-data:GetStatementResult * " + OWN_STATEMENTS,
        "redshift-data:ExecuteStatement " + workgroup, "redshift-data:BatchExecuteStatement " + workgroup,
        "redshift-serverless:GetCredentials " + workgroup);
    assertThat(byName.permissions(SCOPE).undeclared()).singleElement().asString()
        .contains("workgroup analytics").contains("pass its ARN");
  }

  @Test
  void permissions_clusterWithoutUserOrSecret_logsInAsTheIamIdentity() {
    RedshiftDataApi api = RedshiftDataApi.builder().client(client).clusterIdentifier("analytics").database("dev")
        .build();

    assertThat(PolicyAssert.grants(api.permissions(SCOPE))).contains(
        "redshift:GetClusterCredentialsWithIAM arn:aws:redshift:eu-west-1:123456789012:dbname:analytics/dev");
  }

  @Test
  void copyRolePermissions_readsTheCopyManifestsAndExactlyTheDatasetsFiles() {
    WarehouseLoad load = WarehouseLoad.of(lake(), "online_retail").into(Dialect.REDSHIFT, UNUSED).table("t")
        .iamRole("arn:aws:iam::123456789012:role/copy");

    assertThat(PolicyAssert.grants(load.copyRolePermissions(SCOPE))).containsExactlyInAnyOrder(
        "s3:GetObject " + LAKE + "_lake/copy-manifests/processed/online_retail/*",
        "s3:GetObject " + LAKE + "processed/online_retail/*");
    assertThatThrownBy(() -> WarehouseLoad.of(lake(), "online_retail").into(Dialect.POSTGRES,
        UNUSED).copyRolePermissions(SCOPE)).hasMessageContaining("Only Redshift");
  }

  @Test
  void permissions_jdbcToPostgresOrDuckDb_onlyTheLakeReadAndNothingForALocalLake() {
    Set<String> s3 = PolicyAssert.grants(WarehouseLoad.of(lake(), "online_retail").into(Dialect.POSTGRES,
        UNUSED).permissions(SCOPE));
    IamPolicy local = WarehouseLoad.of(Lake.at(dir.toUri()), "online_retail").into(Dialect.DUCKDB,
        UNUSED).permissions(SCOPE);

    assertThat(s3).containsExactlyInAnyOrder(
        "s3:GetObject " + LAKE + "_lake/manifests/processed/online_retail/*",
        LIST_MANIFESTS,
        "s3:GetObject " + LAKE + "processed/online_retail/*",
        "s3:GetObject " + LAKE + "_lake/retired/processed/online_retail/*");
    assertThat(local.statements()).as("JDBC needs no AWS permission; a file:// lake none either").isEmpty();
    assertThat(local.undeclared()).isEmpty();
  }

  @Test
  void gluePermissions_registerInGlue_exactCatalogDatabaseAndTable() {
    IamPolicy p = ExternalTables.of(lake(), "online_retail").glueDatabase("lake").table("retail")
        .gluePermissions(IamScope.of("eu-west-1", "123456789012"));

    String catalog = "arn:aws:glue:eu-west-1:123456789012:catalog";
    String database = "arn:aws:glue:eu-west-1:123456789012:database/lake";
    String table = "arn:aws:glue:eu-west-1:123456789012:table/lake/retail";
    Set<String> expected = new TreeSet<>(Set.of("glue:CreateDatabase " + catalog, "glue:CreateDatabase " + database,
        "s3:GetObject " + LAKE + "_lake/manifests/processed/online_retail/*",
        LIST_MANIFESTS));
    for (String action : new String[] {"glue:CreateTable", "glue:UpdateTable", "glue:BatchCreatePartition"}) {
      for (String r : new String[] {catalog, database, table}) {
        expected.add(action + " " + r);
      }
    }
    assertThat(PolicyAssert.grants(p)).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** A table snapshot on S3 that declares no grants of its own (an Iceberg table's are lake-iceberg's to test). */
  static dev.lake.io.TableSnapshot icebergOnS3() {
    return new dev.lake.io.TableSnapshot() {
      public String name() {
        return "iceberg shop.lines";
      }

      public String location() {
        return "s3://perm-lake/warehouse/shop/lines";
      }

      public long version() {
        return 1;
      }

      public org.apache.avro.Schema schema() {
        throw new AssertionError("permissions() reads no schema");
      }

      public java.util.List<File> files() {
        throw new AssertionError("permissions() lists no file");
      }

      public boolean hasDeletes() {
        return false;
      }

      public dev.lake.io.SourceReader<org.apache.avro.generic.GenericRecord> open(java.util.Collection<String> p) {
        throw new AssertionError("permissions() reads no row");
      }
    };
  }

  @Test
  void tableSnapshotIntoRedshift_stagesUnderItsOwnPrefixOnly_andTheCopyRoleReadsOnlyThat() throws Exception {
    RedshiftDataApi api = RedshiftDataApi.builder().client(client).clusterIdentifier("analytics").database("dev")
        .dbUser("loader").build();
    WarehouseLoad load = WarehouseLoad.of(icebergOnS3()).into(api).table("public.lines")
        .iamRole("arn:aws:iam::123456789012:role/copy").staging("s3://perm-lake/stage");
    // the staging prefix: 16 hex digits of the SHA-256 of the source's location and the quoted target table
    String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
        "s3://perm-lake/warehouse/shop/lines\n\"public\".\"lines\"".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        0, 8);
    String staged = "arn:aws:s3:::perm-lake/stage/_lake/copy-staging/" + hash + "/*";

    IamPolicy p = load.permissions(SCOPE);

    assertThat(PolicyAssert.grants(p)).containsExactlyInAnyOrderElementsOf(Set.of(
        "redshift-data:DescribeStatement * " + OWN_STATEMENTS,
        "redshift-data:GetStatementResult * " + OWN_STATEMENTS,
        "redshift-data:ExecuteStatement arn:aws:redshift:eu-west-1:123456789012:cluster:analytics",
        "redshift:GetClusterCredentials arn:aws:redshift:eu-west-1:123456789012:dbuser:analytics/loader",
        "redshift:GetClusterCredentials arn:aws:redshift:eu-west-1:123456789012:dbname:analytics/dev",
        "s3:PutObject " + staged,
        "s3:DeleteObject " + staged,
        "s3:AbortMultipartUpload " + staged,
        "s3:ListBucketMultipartUploads arn:aws:s3:::perm-lake",
        "s3:ListBucket arn:aws:s3:::perm-lake {StringEquals={s3:prefix=[stage/_lake/copy-staging/" + hash + "/]}}"));
    assertThat(p.undeclared()).singleElement().asString().contains("iceberg shop.lines");
    assertThat(PolicyAssert.grants(load.copyRolePermissions(SCOPE))).containsExactly("s3:GetObject " + staged);
  }
}
