package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.Lake;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The warehouse load's real calls, recorded as IAM actions and ARNs: the lake on s3proxy, the Data API and Glue on
 * local servers speaking their protocols. The declared policies allow every call and grant nothing unused; the COPY
 * role's policy can read every manifest and file the COPY statements name, and nothing of another dataset. JDBC
 * loads from a local lake make no AWS call at all.
 */
class WarehouseIamRecordedTest {
  static final IamScope SCOPE = IamScope.of("us-east-1", "123456789012");
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAWAREHOUSE0000001", "warehouseSecret/NotReal"));
  static final RecordingInterceptor CALLS = new RecordingInterceptor(SCOPE);
  static S3Proxy proxy;
  static S3Client s3;
  static S3ObjectStore store;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "AKIAWAREHOUSE0000001", "warehouseSecret/NotReal")
        .endpoint(URI.create("http://127.0.0.1:0")).ignoreUnknownHeaders(true).build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort())).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(CALLS)).build();
    s3.createBucket(b -> b.bucket("wh-lake"));
    store = S3ObjectStore.builder().client(s3).build();
    ObjectStores.register(URI.create("s3://wh-lake"), store);
  }

  @AfterAll
  static void stop() throws Exception {
    store.close();
    s3.close();
    proxy.stop();
  }

  @BeforeEach
  void clear() {
    CALLS.clear();
  }

  @Test
  void run_redshiftDataApi_policyAllowsEveryCallAndTheCopyRoleReadsExactlyTheNamedObjects() throws Exception {
    Lake lake = Lake.at("s3://wh-lake/lake");
    Datasets.write(lake, Datasets.sales(0, 30, 1));
    try (FakeDataApi server = new FakeDataApi(); RedshiftDataClient client = server.client(CALLS)) {
      WarehouseLoad load = WarehouseLoad.of(lake, "sales").into(server.api(client)).table("public.sales")
          .iamRole("arn:aws:iam::123456789012:role/lake-copy");
      CALLS.clear();

      LoadReport report = load.run();

      assertThat(report.rows()).isEqualTo(30);
      PolicyAssert.assertExact(load.permissions(SCOPE), CALLS.calls(), Map.of());
      IamPolicy copyRole = load.copyRolePermissions(SCOPE);
      List<String> named = new ArrayList<>();
      Matcher from = Pattern.compile("FROM '(s3://[^']+)'").matcher(String.valueOf(server.calls));
      while (from.find()) {
        String manifest = from.group(1);
        named.add(manifest);
        String key = manifest.substring("s3://wh-lake/".length());
        JsonNode entries = new ObjectMapper().readTree(s3.getObjectAsBytes(b -> b.bucket("wh-lake").key(key))
            .asByteArray()).get("entries");
        entries.forEach(e -> named.add(e.get("url").asText()));
      }
      assertThat(named).as("COPY manifests and the files they list").hasSizeGreaterThan(3)
          .allMatch(url -> copyRole.allows("s3:GetObject", "arn:aws:s3:::" + url.substring("s3://".length()),
              Map.of()));
      assertThat(copyRole.allows("s3:GetObject", "arn:aws:s3:::wh-lake/lake/processed/other/part-0.parquet",
          Map.of())).as("another dataset").isFalse();
      assertThat(copyRole.allows("s3:GetObject", "arn:aws:s3:::wh-lake/lake/_lake/manifests/processed/sales/x",
          Map.of())).as("the lake's own manifests").isFalse();
    }
  }

  @Test
  void run_icebergSnapshotIntoRedshift_stagingGrantsAllowEveryCall_andTheCopyRoleReadsOnlyTheStagedObjects()
      throws Exception {
    dev.lake.sink.iceberg.IcebergCatalog catalog = dev.lake.sink.iceberg.IcebergCatalog.local(
        dir.resolve("iceberg").toString());
    IcebergTables.upsert(catalog, "day1", IcebergTables.lines(0, 20, 1));
    IcebergTables.upsert(catalog, "day2", IcebergTables.lines(10, 25, 3));
    try (FakeDataApi server = new FakeDataApi(); RedshiftDataClient client = server.client(CALLS);
        S3Client unrecorded = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
            .forcePathStyle(true).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
            .httpClient(UrlConnectionHttpClient.create()).build()) { // the test's own reads, as COPY would read
      WarehouseLoad load = WarehouseLoad.of(IcebergTables.newest(catalog, "shop.lines")).into(server.api(client))
          .table("public.lines").iamRole("arn:aws:iam::123456789012:role/lake-copy").staging("s3://wh-lake/stage");
      // what a load killed while staging leaves: a staged file and an upload never completed
      String prefix = CopyStaging.prefix(Lake.at("s3://wh-lake/stage"),
          IcebergTables.newest(catalog, "shop.lines").location(), "\"public\".\"lines\"").getPath().substring(1);
      s3.putObject(b -> b.bucket("wh-lake").key(prefix + "dead/part-00000.parquet"),
          software.amazon.awssdk.core.sync.RequestBody.fromString("killed"));
      s3.createMultipartUpload(b -> b.bucket("wh-lake").key(prefix + "dead/part-00001.parquet"));
      List<String> named = new ArrayList<>();
      server.failWhen = sql -> { // the staged objects exist while COPY runs: note what it names
        Matcher from = Pattern.compile("FROM '(s3://[^']+)'").matcher(sql);
        while (from.find()) {
          String key = from.group(1).substring("s3://wh-lake/".length());
          named.add(from.group(1));
          try {
            new ObjectMapper().readTree(unrecorded.getObjectAsBytes(b -> b.bucket("wh-lake").key(key))
                .asByteArray()).get("entries").forEach(e -> named.add(e.get("url").asText()));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        return null;
      };
      CALLS.clear();

      LoadReport report = load.run();

      assertThat(report.rows()).isEqualTo(25);
      PolicyAssert.assertExact(load.permissions(SCOPE), CALLS.calls(), Map.of());
      IamPolicy copyRole = load.copyRolePermissions(SCOPE);
      assertThat(named).as("the COPY manifest and the staged files it lists").hasSizeGreaterThan(1)
          .allMatch(url -> url.startsWith("s3://wh-lake/" + prefix))
          .allMatch(url -> copyRole.allows("s3:GetObject", "arn:aws:s3:::" + url.substring("s3://".length()),
              Map.of()));
      assertThat(copyRole.allows("s3:GetObject", "arn:aws:s3:::wh-lake/stage/_lake/copy-staging/other/x.parquet",
          Map.of())).as("another load's staging").isFalse();
      assertThat(s3.listObjectsV2(b -> b.bucket("wh-lake").prefix(prefix)).contents())
          .as("staged files and the killed load's leftovers removed").isEmpty();
      assertThat(s3.listMultipartUploads(b -> b.bucket("wh-lake").prefix(prefix)).uploads()).isEmpty();
    }
  }

  @Test
  void registerInGlue_twice_policyAllowsEveryCallAndGrantsNothingUnused() throws Exception {
    Lake lake = Lake.at("s3://wh-lake/glue");
    Datasets.write(lake, Datasets.sales(0, 6, 0));
    try (FakeGlue server = new FakeGlue(); GlueClient glue = server.client(CALLS)) {
      ExternalTables ext = ExternalTables.of(lake, "sales").glueDatabase("lake");
      CALLS.clear();

      assertThat(ext.registerInGlue(glue)).isEqualTo(3);
      assertThat(ext.registerInGlue(glue)).isZero(); // the second one updates the table

      PolicyAssert.assertExact(ext.gluePermissions(SCOPE), CALLS.calls(), Map.of());
    }
  }

  @Test
  void run_jdbcToDuckDbFromALocalLake_makesNoAwsCallAndNeedsNoPermission() {
    Lake local = Lake.at(dir.toUri());
    Datasets.write(local, Datasets.sales(0, 12, 1));
    WarehouseLoad load = WarehouseLoad.of(local, "sales")
        .into(Dialect.DUCKDB, JdbcDataSource.of("jdbc:duckdb:")).table("main.sales");
    CALLS.clear();

    assertThat(load.run().rows()).isEqualTo(12);

    assertThat(CALLS.calls()).isEmpty();
    assertThat(load.permissions(SCOPE).statements()).isEmpty();
  }
}
