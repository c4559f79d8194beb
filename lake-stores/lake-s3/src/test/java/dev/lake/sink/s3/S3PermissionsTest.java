package dev.lake.sink.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.WriteMode;
import dev.lake.iam.Access;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import dev.lake.io.ObjectStores;
import dev.lake.io.ObjectWriter;
import dev.lake.io.StagedObject;
import dev.lake.source.files.CsvSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code requiredPermissions()} of lake pipelines on S3 against every call the runs really make (recorded by an SDK
 * interceptor on s3proxy): each call is allowed, and each grant is used or needed on a named other path. The store's
 * staging and server-side moves are checked the same way against {@code permissions(..)} of the accesses a lake
 * writer asks for.
 */
class S3PermissionsTest {
  static final IamScope SCOPE = IamScope.of("us-east-1", "123456789012");
  static final RecordingInterceptor CALLS = new RecordingInterceptor(SCOPE);
  static S3Client s3;
  static S3Client setup; // test data goes in through a client that is not recorded
  static S3ObjectStore store;
  static String bucket;

  record Sale(String invoice, int quantity) {}

  @BeforeAll
  static void start() {
    s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(S3Proxies.endpoint())
        .forcePathStyle(true).region(Region.US_EAST_1).credentialsProvider(S3Proxies.CREDENTIALS)
        .overrideConfiguration(c -> c.addExecutionInterceptor(CALLS)).build();
    setup = S3Proxies.client();
    bucket = S3Proxies.bucket(setup);
    store = S3ObjectStore.builder().client(s3).build();
    ObjectStores.register(URI.create("s3://" + bucket), store);
  }

  @AfterAll
  static void stop() throws IOException {
    store.close();
    s3.close();
    setup.close();
  }

  static void put(String key, String text) {
    for (int attempt = 1; ; attempt++) {
      try {
        setup.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(text, UTF_8));
        return;
      } catch (java.io.UncheckedIOException e) {
        // The URLConnection client's 100-continue path throws this (the SDK does not retry it) when s3proxy closed
        // the pooled connection while it sat idle between tests; Lake's own store retries it (Retrier), set-up must too.
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  static String arn(String key) {
    return "arn:aws:s3:::" + bucket + "/" + key;
  }

  @Test
  void requiredPermissions_csvToLakeWithRejectedZone_allowsEveryCallAndNothingUnused() {
    put("in/sales/2024-01-01.csv", "invoice,quantity\nA1,3\nA2,oops\n");
    put("in/sales/2024-01-02.csv", "invoice,quantity\nB1,4\n");
    put("in/other/ignored.csv", "invoice,quantity\nZ9,1\n");
    Lake lake = Lake.at("s3://" + bucket + "/lake");
    Pipeline<Sale> p = Pipeline.from(CsvSource.of(Sale.class).from("s3://" + bucket + "/in/sales/*.csv"))
        .named("sales").to(lake.processed("sales").mode(WriteMode.OVERWRITE))
        .onBadRows(BadRowPolicy.toRejectedZone());
    IamPolicy policy = p.requiredPermissions(SCOPE);
    CALLS.clear();

    PipelineResult first = p.run();
    put("in/sales/2024-01-03.csv", "invoice,quantity\nC1,5\n"); // new input: the second run replaces every file
    PipelineResult second = p.run();

    assertThat(first.rowsRejected()).isEqualTo(1);
    assertThat(second.rowsWritten()).isEqualTo(3);
    assertThat(CALLS.calls()).anyMatch(c -> c.action().equals("s3:DeleteObject")
        && c.resource().startsWith(arn("lake/processed/sales/")));
    PolicyAssert.assertExact(policy, CALLS.calls(), new dev.lake.iam.OtherPathGrants(arn("lake/"))
        .dataset("processed/sales").dataset("rejected/sales").cursors("sales").build());
  }

  @Test
  void requiredPermissions_manifests_createOnlyNoOverwriteNoDeleteAndTheProbeOutside() {
    String manifest = arn("history/_lake/manifests/processed/h/v00000000000000000001.json");
    IamPolicy policy;
    try (S3ObjectStore fresh = S3ObjectStore.builder().client(s3).build()) { // probes again: its first create
      ObjectStores.register(URI.create("s3://" + bucket + "/history"), fresh);
      Lake lake = Lake.at("s3://" + bucket + "/history");
      Pipeline<Sale> p = Pipeline.from(dev.lake.testing.InMemorySource.of("h", java.util.List.of(new Sale("H1", 1))))
          .named("history").to(lake.processed("h"));
      policy = p.requiredPermissions(SCOPE);
      CALLS.clear();

      assertThat(p.run().rowsWritten()).isEqualTo(1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      ObjectStores.register(URI.create("s3://" + bucket + "/history"), store);
    }

    assertThat(policy.allows("s3:PutObject", manifest, Map.of("s3:if-none-match", "*"))).isTrue();
    assertThat(policy.allows("s3:PutObject", manifest, Map.of())).as("an overwrite of a version").isFalse();
    assertThat(policy.allows("s3:DeleteObject", manifest, Map.of())).isFalse();
    assertThat(policy.allows("s3:DeleteObject", arn("history/_lake/manifests/processed/h/segments/s.json"),
        Map.of())).isFalse();
    assertThat(CALLS.calls()).filteredOn(c -> c.action().equals("s3:DeleteObject"))
        .allMatch(c -> c.resource().startsWith(arn("history/_lake/probes/"))
            || c.resource().startsWith(arn("history/_lake/manifests/processed/h/_pending/")), "probe or marker");
    assertThat(CALLS.calls()).anyMatch(c -> c.action().equals("s3:DeleteObject")
        && c.resource().startsWith(arn("history/_lake/probes/.lake-conditional-probe-")));
    assertThat(CALLS.calls()).filteredOn(c -> c.action().equals("s3:PutObject")
        && c.resource().startsWith(arn("history/_lake/manifests/processed/h/"))
        && !c.resource().contains("/_pending/")).isNotEmpty()
        .allMatch(c -> "*".equals(c.context().get("s3:if-none-match")), "conditional");
    PolicyAssert.assertExact(policy, CALLS.calls(), new dev.lake.iam.OtherPathGrants(arn("history/"))
        .dataset("processed/h").cursors("history").build());
  }

  @Test
  void requiredPermissions_coalescingSink_alsoUsesItsScratchDirectory() {
    Lake lake = Lake.at("s3://" + bucket + "/co");
    java.util.List<Sale> sales = java.util.stream.IntStream.range(0, 40).mapToObj(i -> new Sale("C" + i, i)).toList();
    Pipeline<Sale> p = Pipeline.from(dev.lake.testing.InMemorySource.of("co", sales).withSplits(8)).named("co")
        .to(lake.processed("co").coalesceSmallFiles());
    IamPolicy policy = p.requiredPermissions(SCOPE);
    CALLS.clear();

    assertThat(p.run().rowsWritten()).isEqualTo(40);

    assertThat(policy.allows("s3:GetObject", arn("co/_lake/scratch/processed/co/part-x.parquet"), Map.of()))
        .isTrue();
    PolicyAssert.assertExact(policy, CALLS.calls(), new dev.lake.iam.OtherPathGrants(arn("co/"))
        .dataset("processed/co").cursors("co").build());
  }

  @Test
  void requiredPermissions_readBackIntoAnotherDataset_listsAndReadsOnlyThatDataset() {
    Lake lake = Lake.at("s3://" + bucket + "/read");
    Pipeline.from(dev.lake.testing.InMemorySource.of("seed", java.util.List.of(new Sale("S1", 1), new Sale("S2", 2))))
        .named("seed").to(lake.processed("seed")).run();
    Pipeline<GenericRecord> copy = Pipeline.from(lake.read("seed")).named("copy").to(lake.processed("copy"));
    IamPolicy policy = copy.requiredPermissions(SCOPE);
    CALLS.clear();

    assertThat(copy.run().rowsWritten()).isEqualTo(2);

    assertThat(policy.toJson()).doesNotContain("s3:PutObject\",\n    \"Resource\" : \"" + arn("read/processed/seed"));
    assertThat(policy.allows("s3:PutObject", arn("read/processed/seed/part-x.parquet"), Map.of())).isFalse();
    PolicyAssert.assertExact(policy, CALLS.calls(), new dev.lake.iam.OtherPathGrants(arn("read/"))
        .dataset("processed/copy").cursors("copy").read("processed/seed").build());
  }

  @Test
  void requiredPermissions_plainFileAndDirectoryLocations_listBeforeReadingSoNoBucketWideListIsNeeded() {
    put("plain/one.csv", "invoice,quantity\nP1,1\n");
    put("plain/dir/a.csv", "invoice,quantity\nP2,2\n");
    put("plain/dir/sub/b.csv", "invoice,quantity\nP3,3\n");
    put("plain/dirty.csv", "invoice,quantity\nX1,9\n"); // shares the prefix "plain/dir" but is not under it
    Lake lake = Lake.at("s3://" + bucket + "/plain-lake");
    Pipeline<Sale> p = Pipeline.from(CsvSource.of(Sale.class).from("s3://" + bucket + "/plain/one.csv",
        "s3://" + bucket + "/plain/dir")).named("plain").to(lake.processed("plain"));
    IamPolicy policy = p.requiredPermissions(SCOPE);
    CALLS.clear();

    assertThat(p.run().rowsWritten()).isEqualTo(3);

    assertThat(CALLS.calls()).noneMatch(c -> c.resource().endsWith("dirty.csv"));
    assertThat(policy.allows("s3:GetObject", arn("plain/dirty.csv"), Map.of())).isFalse();
    String either = "a location without a glob is a file or a directory, known only once listed";
    PolicyAssert.assertExact(policy, CALLS.calls(), new dev.lake.iam.OtherPathGrants(arn("plain-lake/"))
        .dataset("processed/plain").cursors("plain")
        .because("s3:GetObject " + arn("plain/one.csv/*"), either)
        .because("s3:GetObject " + arn("plain/dir"), either).build());
  }

  @Test
  void permissions_stagingAndServerSideMoves_everyCallAllowedByTheWriterAccessesAndEveryGrantUsed() throws Exception {
    URI ds = URI.create("s3://" + bucket + "/staging/processed/sales/");
    URI retired = URI.create("s3://" + bucket + "/staging/retired/sales/");
    IamPolicy policy = store.permissions(ds, EnumSet.of(Access.WRITE, Access.DELETE, Access.LIST, Access.CLEAN_UP,
        Access.READ), SCOPE).and(store.permissions(retired, EnumSet.of(Access.WRITE, Access.READ), SCOPE));
    S3ObjectStore.Builder inParts = S3ObjectStore.builder().client(s3);
    inParts.singleCopyLimit = 0; // every move a multipart copy (UploadPartCopy)
    CALLS.clear();

    StagedObject published = stage(ds.resolve("k=1/part-a-0.parquet"));
    store.publish(published);
    store.publish(published);
    StagedObject discarded = stage(ds.resolve("k=1/part-a-1.parquet"));
    store.discard(discarded);
    assertThatThrownBy(() -> store.publish(discarded)).isInstanceOf(FileNotFoundException.class); // HEAD
    stage(ds.resolve("k=2/part-a-2.parquet"));
    assertThat(store.listUnpublished(ds)).hasSize(1);
    store.abortIncompleteWrites(ds, Instant.now().plusSeconds(60), "part-a-");
    assertThat(store.list(ds, true)).hasSize(1);
    store.move(ds.resolve("k=1/part-a-0.parquet"), retired.resolve("k=1/part-a-0.parquet"));
    store.move(ds.resolve("k=1/part-a-0.parquet"), retired.resolve("k=1/part-a-0.parquet")); // HEADs, no copy
    store.write(ds.resolve("k=3/part-a-3.parquet"), new byte[] {3});
    try (S3ObjectStore copier = inParts.build()) {
      copier.move(ds.resolve("k=3/part-a-3.parquet"), retired.resolve("k=3/part-a-3.parquet"));
    }

    assertThat(CALLS.calls()).extracting(c -> c.action()).contains("s3:ListBucketMultipartUploads",
        "s3:AbortMultipartUpload", "s3:DeleteObject");
    assertThat(store.readAllBytes(retired.resolve("k=3/part-a-3.parquet"))).containsExactly(3);
    PolicyAssert.assertExact(policy, CALLS.calls(), Map.of());
  }

  static StagedObject stage(URI target) throws IOException {
    try (ObjectWriter out = store.newStagedWriter(target)) {
      out.write("rows".getBytes(UTF_8));
      out.commit();
      return out.staged();
    }
  }
}
