package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectWriter;
import dev.lake.io.StagedObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Staged objects as incomplete multipart uploads to their final key, on s3proxy, with 5 MiB parts. */
class S3StagingTest {
  static final int MIB = 1 << 20;

  FaultyHttpClient http;
  S3Client s3;
  S3Client other; // another process's client
  S3ObjectStore store;
  String bucket;

  @BeforeEach
  void setUp() {
    http = new FaultyHttpClient(0);
    s3 = S3Proxies.client(http);
    other = S3Proxies.client();
    bucket = S3Proxies.bucket(s3);
    store = S3ObjectStore.builder().client(s3).partSize(5 * MIB).maxPartsInFlight(2)
        .serverSideEncryption(ServerSideEncryption.AES256).storageClass(StorageClass.STANDARD_IA)
        .tags(Map.of("team", "data")).build();
  }

  @AfterEach
  void tearDown() throws IOException {
    store.close();
    s3.close();
    other.close();
  }

  URI uri(String key) {
    return URI.create("s3://" + bucket + "/" + key);
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  StagedObject stage(String key, byte[] content) throws IOException {
    try (ObjectWriter out = store.newStagedWriter(uri(key))) {
      out.write(content);
      out.commit();
      return out.staged();
    }
  }

  @Test
  void newStagedWriter_committed_inListMultipartUploadsNotInListObjectsV2() throws IOException {
    Instant before = Instant.now().minusSeconds(5);
    stage("lake/ds/k=1/part-0.parquet", new byte[10]);

    assertThat(S3Proxies.keys(s3, bucket)).isEmpty();
    assertThat(S3Proxies.uploads(s3, bucket)).extracting(MultipartUpload::key)
        .containsExactly("lake/ds/k=1/part-0.parquet");
    assertThat(store.stat(uri("lake/ds/k=1/part-0.parquet"))).isEmpty();
    assertThat(store.listUnpublished(uri("lake/ds/"))).singleElement().satisfies(o -> {
      assertThat(o.uri()).isEqualTo(uri("lake/ds/k=1/part-0.parquet"));
      assertThat(o.lastModified()).isBetween(before, Instant.now().plusSeconds(5));
    });
    assertThat(store.listUnpublished(uri("lake/other/"))).isEmpty();
  }

  @Test
  void publish_tenBytesAndThreeParts_eachHasItsBytesWithTheStoreOptions() throws IOException {
    byte[] small = random(10, 1);
    byte[] big = random(11 * MIB + 7, 2);

    StagedObject one = stage("s/small.bin", small);
    StagedObject three = stage("s/big.bin", big);
    store.publish(one);
    store.publish(three);

    assertThat(one.token().get(StagedUploads.ETAGS).split(",")).hasSize(1);
    assertThat(three.token().get(StagedUploads.ETAGS).split(",")).hasSize(3);
    assertThat(one.bytes()).isEqualTo(10);
    assertThat(three.bytes()).isEqualTo(big.length);
    assertThat(store.readAllBytes(uri("s/small.bin"))).isEqualTo(small);
    assertThat(store.readAllBytes(uri("s/big.bin"))).isEqualTo(big);
    assertThat(http.seen).as("PutObject requests").noneMatch(r -> r.method().name().equals("PUT")
        && r.encodedPath().startsWith("/" + bucket + "/") && !r.rawQueryParameters().containsKey("partNumber"));
    assertThat(http.seen.stream().filter(r -> r.rawQueryParameters().containsKey("uploads")
        && r.method().name().equals("POST"))).hasSize(2).allSatisfy(create -> {
          assertThat(create.firstMatchingHeader("x-amz-server-side-encryption")).hasValue("AES256");
          assertThat(create.firstMatchingHeader("x-amz-storage-class")).hasValue("STANDARD_IA");
          assertThat(create.firstMatchingHeader("x-amz-tagging")).hasValue("team=data");
        });
    assertThat(http.maxPartsInFlight()).isBetween(1, 2);
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
  }

  @Test
  void publish_handleSerializedAndPublishedBySecondStore_objectVisible() throws Exception {
    byte[] content = random(6 * MIB, 3);
    StagedObject staged = stage("x/part-1.bin", content);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(staged);
    }
    StagedObject copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (StagedObject) in.readObject();
    }

    try (S3ObjectStore second = S3ObjectStore.builder().endpointOverride(S3Proxies.endpoint()).pathStyle(true)
        .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentials(S3Proxies.CREDENTIALS).build()) {
      second.publish(copy);
    }

    assertThat(bytes.size()).as("serialized handle").isLessThan(1024);
    assertThat(store.readAllBytes(uri("x/part-1.bin"))).isEqualTo(content);
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
  }

  @Test
  void publish_afterAnotherProcessCompletedIt_isANoOp() throws IOException {
    StagedObject staged = stage("y/part-2.bin", new byte[] {1, 2, 3});
    other.completeMultipartUpload(r -> r.bucket(bucket).key("y/part-2.bin")
        .uploadId(staged.token().get(StagedUploads.UPLOAD_ID))
        .multipartUpload(m -> m.parts(StagedUploads.parts(staged))));

    store.publish(staged);
    http.inject = FaultyHttpClient.once(r -> r.method().name().equals("POST"),
        FaultyHttpClient.Fault.NO_SUCH_UPLOAD); // as S3 may answer for an upload completed long ago
    store.publish(staged);

    assertThat(store.readAllBytes(uri("y/part-2.bin"))).containsExactly(1, 2, 3);
    assertThat(http.count("HEAD", null)).as("HEADs after NoSuchUpload").isEqualTo(1);
  }

  @Test
  void publish_afterAbortOrReplacement_throwsFileNotFoundNamingTarget() throws IOException {
    StagedObject aborted = stage("z/part-3.bin", new byte[] {4});
    StagedObject replaced = stage("z/part-4.bin", new byte[] {5});
    other.abortMultipartUpload(r -> r.bucket(bucket).key("z/part-3.bin")
        .uploadId(aborted.token().get(StagedUploads.UPLOAD_ID)));
    store.publish(replaced);
    other.putObject(r -> r.bucket(bucket).key("z/part-4.bin"), RequestBody.fromBytes(new byte[] {6, 6}));

    assertThatThrownBy(() -> store.publish(aborted)).isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("s3://" + bucket + "/z/part-3.bin").hasMessageContaining("staged multipart upload")
        .hasMessageContaining("is gone").hasMessageContaining("no object is there");
    assertThatThrownBy(() -> store.publish(replaced)).isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("z/part-4.bin").hasMessageContaining("has 2 bytes, not 1");
    assertThat(store.stat(uri("z/part-3.bin"))).isEmpty();
  }

  @Test
  void discard_twice_abortsTheUploadAndLeavesNothing() throws IOException {
    StagedObject staged = stage("d/part-5.bin", random(7 * MIB, 4));

    store.discard(staged);
    store.discard(staged);

    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
    assertThat(S3Proxies.keys(s3, bucket)).isEmpty();
  }

  @Test
  void abortIncompleteWrites_stagedAndUnfinished_abortedByNamePrefixAndAge() throws IOException {
    stage("a/part-run1-0.bin", new byte[3]);
    StagedObject keep = stage("a/part-run2-0.bin", new byte[4]);
    String killed = other.createMultipartUpload(r -> r.bucket(bucket).key("a/part-run1-1.bin")).uploadId();
    other.uploadPart(r -> r.bucket(bucket).key("a/part-run1-1.bin").uploadId(killed).partNumber(1),
        RequestBody.fromBytes(new byte[5 * MIB])); // what a writer killed after its first part leaves

    store.abortIncompleteWrites(uri("a/"), Instant.now().plus(Duration.ofMinutes(1)), "part-run1-");
    store.abortIncompleteWrites(uri("a/"), Instant.now().minus(Duration.ofMinutes(1)));

    assertThat(store.listUnpublished(uri("a/"))).extracting(ObjectInfo::fileName).containsExactly("part-run2-0.bin");
    store.publish(keep);
    assertThat(S3Proxies.keys(s3, bucket)).containsExactly("a/part-run2-0.bin");
  }

  @Test
  void listUnpublished_pagesOfTwo_everyUploadListed() throws IOException {
    for (int i = 0; i < 5; i++) {
      stage("p/part-" + i + ".bin", new byte[] {(byte) i});
    }
    S3Operations ops = new S3Operations(s3, new Retrier(1, 1, 1, new Redactor(java.util.List.of())),
        new WriteOptions(null, null, null, Map.of(), null), new Redactor(java.util.List.of()));
    java.util.List<String> keys = new java.util.ArrayList<>();

    Listing.forEachUpload(ops, new S3Location(bucket, "p/"), 2, u -> keys.add(u.key()));

    assertThat(keys).hasSize(5).doesNotHaveDuplicates();
    assertThat(http.count("GET", "uploads")).isEqualTo(3);
  }
}
