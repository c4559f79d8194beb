package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SinkException;
import dev.lake.io.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Streaming multipart uploads to s3proxy with 5 MiB parts. */
class MultipartWriterTest {
  static final int MIB = 1 << 20;

  FaultyHttpClient http;
  S3Client s3;
  S3ObjectStore store;
  String bucket;

  @BeforeEach
  void setUp() {
    http = new FaultyHttpClient(0);
    s3 = S3Proxies.client(http);
    bucket = S3Proxies.bucket(s3);
    store = S3ObjectStore.builder().client(s3).partSize(5 * MIB).maxPartsInFlight(2)
        .serverSideEncryption(ServerSideEncryption.AES256).storageClass(StorageClass.STANDARD_IA)
        .tags(Map.of("team", "data lake", "env", "test")).build();
  }

  @AfterEach
  void tearDown() throws IOException {
    store.close();
    s3.close();
  }

  private URI uri(String key) {
    return URI.create("s3://" + bucket + "/" + key);
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void commit_severalParts_objectHasEveryByteAndAtMostTwoPartsWereInFlight() throws Exception {
    byte[] data = random(23 * MIB + 123, 1);
    try (ObjectWriter out = store.newWriter(uri("big/file.bin"))) {
      for (int off = 0; off < data.length; off += 100_000) { // many small writes, as a Parquet writer does
        out.write(data, off, Math.min(100_000, data.length - off));
      }
      assertThat(S3Proxies.keys(s3, bucket)).as("visible before commit").isEmpty();
      out.commit();
    }

    byte[] back;
    try (InputStream in = store.open(uri("big/file.bin"))) {
      back = in.readAllBytes();
    }
    assertThat(MessageDigest.getInstance("SHA-256").digest(back))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    assertThat(http.count("PUT", "partNumber")).isEqualTo(5);
    assertThat(http.maxPartsInFlight()).isBetween(1, 2);
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
    try (InputStream in = store.open(uri("big/file.bin"), 6 * MIB - 3, 10)) {
      assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 6 * MIB - 3, 6 * MIB + 7));
    }
  }

  @Test
  void commit_smallObject_isOnePutObjectWithTheOptions() throws IOException {
    try (ObjectWriter out = store.newWriter(uri("small.txt"))) {
      out.write(new byte[1000]);
      out.commit();
    }

    assertThat(http.count("POST", "uploads")).isZero();
    var put = http.seen.stream().filter(r -> r.method().name().equals("PUT") && r.encodedPath().endsWith("/small.txt"))
        .findFirst().orElseThrow();
    assertThat(put.firstMatchingHeader("x-amz-server-side-encryption")).hasValue("AES256");
    assertThat(put.firstMatchingHeader("x-amz-storage-class")).hasValue("STANDARD_IA");
    assertThat(put.firstMatchingHeader("x-amz-tagging").orElseThrow()).contains("team=data%20lake")
        .contains("env=test");
    assertThat(store.stat(uri("small.txt"))).get().extracting(o -> o.size()).isEqualTo(1000L);
  }

  @Test
  void close_producerFailsAfterTwoParts_leavesNoObjectAndNoUpload() throws IOException {
    assertThatThrownBy(() -> {
      try (ObjectWriter out = store.newWriter(uri("broken.bin"))) {
        out.write(random(12 * MIB, 2)); // two full parts sent, a third buffered
        throw new IllegalStateException("source failed");
      }
    }).hasMessage("source failed");

    // parts 1 and 2 were sent (an SDK retry of one under load may repeat it), the buffered third never was
    assertThat(http.seen.stream().filter(r -> r.method().name().equals("PUT"))
        .flatMap(r -> r.rawQueryParameters().getOrDefault("partNumber", java.util.List.of()).stream())
        .distinct().sorted().toList()).containsExactly("1", "2");
    assertThat(http.count("DELETE", "uploadId")).isPositive();
    assertThat(S3Proxies.keys(s3, bucket)).isEmpty();
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
  }

  @Test
  void commit_partRejected_throwsAndLeavesNoObjectAndNoUpload() {
    http.forbidden = r -> FaultyHttpClient.isPart(r, 2);

    assertThatThrownBy(() -> {
      try (ObjectWriter out = store.newWriter(uri("rejected.bin"))) {
        out.write(random(17 * MIB, 3));
        out.commit();
      }
    }).isInstanceOf(SinkException.class).hasMessageContaining("UploadPart 2 s3://" + bucket + "/rejected.bin")
        .hasMessageContaining("Access denied: check the credentials");

    assertThat(S3Proxies.keys(s3, bucket)).isEmpty();
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
  }

  @Test
  void abortIncompleteWrites_writerOfAKilledProcess_uploadAborted() throws IOException {
    ObjectWriter abandoned = store.newWriter(uri("lake/ds/part-0"));
    abandoned.write(random(11 * MIB, 4)); // parts on the server, never completed nor aborted
    assertThat(S3Proxies.uploads(s3, bucket)).hasSize(1);

    store.abortIncompleteWrites(uri("lake/"), Instant.now().plusSeconds(5));

    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
    assertThat(S3Proxies.keys(s3, bucket)).isEmpty();
  }

  @Test
  void builder_badPartSize_failsBeforeAnyRequest() {
    assertThatThrownBy(() -> S3ObjectStore.builder().partSize(MIB))
        .isInstanceOf(dev.lake.exceptions.ValidationException.class)
        .hasMessageContaining("partSize(1048576): S3 parts must be at least 5 MiB");
    assertThatThrownBy(() -> S3ObjectStore.builder().client(s3).region(software.amazon.awssdk.regions.Region.EU_WEST_1)
        .build()).hasMessageContaining("client(..) was given");
  }
}
