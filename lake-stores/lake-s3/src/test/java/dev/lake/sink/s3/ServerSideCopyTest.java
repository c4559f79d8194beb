package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SinkException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** {@code move} on s3proxy: CopyObject, or UploadPartCopy above a (lowered) single-copy limit, then a delete. */
class ServerSideCopyTest {
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
    S3ObjectStore.Builder b = S3ObjectStore.builder().client(s3).partSize(5 * MIB)
        .serverSideEncryption(ServerSideEncryption.AES256).storageClass(StorageClass.STANDARD_IA)
        .tags(Map.of("team", "data"));
    b.singleCopyLimit = 6 * MIB; // 5 GiB on S3: lowered to reach the multipart copy with small objects
    b.copyPartSize = 5 * MIB;
    store = b.build();
  }

  @AfterEach
  void tearDown() throws IOException {
    store.close();
    s3.close();
  }

  URI uri(String key) {
    return URI.create("s3://" + bucket + "/" + key);
  }

  static boolean isCopy(SdkHttpRequest r) {
    return r.method().name().equals("PUT") && r.firstMatchingHeader("x-amz-copy-source").isPresent();
  }

  @Test
  void move_smallObjectTwice_copiedServerSideWithTheOptionsThenDone() throws IOException {
    store.write(uri("ds/part-0.parquet"), new byte[] {4, 2});

    store.move(uri("ds/part-0.parquet"), uri("retired/ds/part-0.parquet"));
    store.move(uri("ds/part-0.parquet"), uri("retired/ds/part-0.parquet"));

    assertThat(store.readAllBytes(uri("retired/ds/part-0.parquet"))).containsExactly(4, 2);
    assertThat(S3Proxies.keys(s3, bucket)).containsExactly("retired/ds/part-0.parquet");
    assertThat(http.seen.stream().filter(ServerSideCopyTest::isCopy)).singleElement().satisfies(copy -> {
      assertThat(copy.rawQueryParameters()).doesNotContainKey("partNumber");
      assertThat(copy.firstMatchingHeader("x-amz-server-side-encryption")).hasValue("AES256");
      assertThat(copy.firstMatchingHeader("x-amz-storage-class")).hasValue("STANDARD_IA");
      assertThat(copy.firstMatchingHeader("x-amz-tagging")).hasValue("team=data");
    });
  }

  @Test
  void move_neitherExists_throwsFileNotFoundNamingBoth() {
    assertThatThrownBy(() -> store.move(uri("ds/none"), uri("retired/none")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage("Cannot move s3://" + bucket + "/ds/none to s3://" + bucket + "/retired/none: neither exists");
  }

  @Test
  void move_overTheSingleCopyLimit_copiedInPartsPinnedToTheSource() throws IOException {
    byte[] data = S3StagingTest.random(11 * MIB + 7, 9);
    store.write(uri("big/a.bin"), data);

    store.move(uri("big/a.bin"), uri("retired/big/a.bin"));

    assertThat(store.readAllBytes(uri("retired/big/a.bin"))).isEqualTo(data);
    assertThat(store.stat(uri("big/a.bin"))).isEmpty();
    assertThat(http.seen.stream().filter(ServerSideCopyTest::isCopy)).hasSize(3).allSatisfy(part -> {
      assertThat(part.rawQueryParameters()).containsKey("partNumber");
      assertThat(part.firstMatchingHeader("x-amz-copy-source-if-match")).isPresent();
    });
    assertThat(http.seen.stream().flatMap(r -> r.firstMatchingHeader("x-amz-copy-source-range").stream()))
        .containsExactlyInAnyOrder("bytes=0-5242879", "bytes=5242880-10485759", "bytes=10485760-11534342");
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
  }

  @Test
  void move_partCopyRejected_abortsTheCopyAndKeepsTheSource() throws IOException {
    byte[] data = S3StagingTest.random(11 * MIB, 10);
    store.write(uri("big/b.bin"), data);
    http.forbidden = r -> isCopy(r) && FaultyHttpClient.isPart(r, 2);

    assertThatThrownBy(() -> store.move(uri("big/b.bin"), uri("retired/big/b.bin")))
        .isInstanceOf(SinkException.class).hasMessageContaining("UploadPartCopy 2")
        .hasMessageContaining("Access denied");

    assertThat(store.readAllBytes(uri("big/b.bin"))).isEqualTo(data);
    assertThat(store.stat(uri("retired/big/b.bin"))).isEmpty();
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
  }
}
