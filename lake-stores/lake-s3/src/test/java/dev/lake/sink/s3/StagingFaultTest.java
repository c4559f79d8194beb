package dev.lake.sink.s3;

import static dev.lake.sink.s3.FaultyHttpClient.Fault.LOST_ANSWER;
import static dev.lake.sink.s3.FaultyHttpClient.Fault.NO_SUCH_UPLOAD;
import static dev.lake.sink.s3.FaultyHttpClient.Fault.RESET;
import static dev.lake.sink.s3.FaultyHttpClient.Fault.SLOW_DOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SinkException;
import dev.lake.io.ObjectWriter;
import dev.lake.io.StagedObject;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Staged writes and publishes through 503 SlowDown, resets and lost answers on UploadPart and on
 * CompleteMultipartUpload, with the SDK's retries off (one attempt) so that Lake's retries do the work.
 */
class StagingFaultTest {
  static final int MIB = 1 << 20;
  static S3Client clean;
  static String bucket;

  @BeforeAll
  static void start() {
    clean = S3Proxies.client();
    bucket = S3Proxies.bucket(clean);
  }

  @AfterAll
  static void stop() {
    clean.close();
  }

  static boolean isPart(SdkHttpRequest r) {
    return r.method().name().equals("PUT") && r.rawQueryParameters().containsKey("partNumber");
  }

  static boolean isComplete(SdkHttpRequest r) {
    return r.method().name().equals("POST") && r.rawQueryParameters().containsKey("uploadId");
  }

  static StagedObject stage(S3ObjectStore store, URI uri, byte[] data) throws IOException {
    try (ObjectWriter out = store.newStagedWriter(uri)) {
      out.write(data);
      out.commit();
      return out.staged();
    }
  }

  @Test
  void publish_faultsOnEveryPartAndOnComplete_objectCompleteOnce() throws IOException {
    FaultyHttpClient http = new FaultyHttpClient(0);
    byte[] data = S3StagingTest.random(12 * MIB, 11);
    URI uri = URI.create("s3://" + bucket + "/faults/part-0.bin");
    try (S3ObjectStore store = FaultInjectionTest.faultyStore(http, 1, 6)) {
      http.inject = FaultyHttpClient.once(StagingFaultTest::isPart, SLOW_DOWN, RESET, LOST_ANSWER);
      StagedObject staged = stage(store, uri, data);
      http.inject = FaultyHttpClient.once(StagingFaultTest::isComplete, SLOW_DOWN, RESET, LOST_ANSWER);
      store.publish(staged);

      assertThat(http.count("PUT", "partNumber")).as("3 parts, each faulted once").isEqualTo(6);
      assertThat(http.count("POST", "uploadId")).as("complete attempts").isEqualTo(4);
      assertThat(store.readAllBytes(uri)).isEqualTo(data);
      assertThat(S3Proxies.uploads(clean, bucket)).isEmpty();
    }
  }

  @Test
  void publish_answerLostThenNoSuchUpload_headFindsItPublished() throws IOException {
    FaultyHttpClient http = new FaultyHttpClient(0);
    URI uri = URI.create("s3://" + bucket + "/faults/part-1.bin");
    try (S3ObjectStore store = FaultInjectionTest.faultyStore(http, 1, 6)) {
      StagedObject staged = stage(store, uri, new byte[] {1, 2, 3, 4});
      http.inject = FaultyHttpClient.once(StagingFaultTest::isComplete, LOST_ANSWER, NO_SUCH_UPLOAD);

      store.publish(staged);

      assertThat(http.count("HEAD", null)).isEqualTo(1);
      assertThat(store.readAllBytes(uri)).containsExactly(1, 2, 3, 4);
    }
  }

  @Test
  void publish_throttledUntilAttemptsRunOut_failsRetryableAndTheHandleStillPublishes() throws IOException {
    FaultyHttpClient http = new FaultyHttpClient(0);
    URI uri = URI.create("s3://" + bucket + "/faults/part-2.bin");
    try (S3ObjectStore store = FaultInjectionTest.faultyStore(http, 1, 3)) {
      StagedObject staged = stage(store, uri, new byte[] {9});
      http.throttled = StagingFaultTest::isComplete;

      assertThatThrownBy(() -> store.publish(staged)).isInstanceOfSatisfying(SinkException.class, e -> {
        assertThat(e.retryable()).isTrue();
        assertThat(e.attempts()).isEqualTo(3);
      }).hasMessageContaining("CompleteMultipartUpload " + uri + " failed after 3 attempts");
      assertThat(S3Proxies.uploads(clean, bucket)).extracting(u -> u.key()).contains("faults/part-2.bin");
      http.throttled = r -> false;
      store.publish(staged);

      assertThat(store.readAllBytes(uri)).containsExactly(9);
    }
  }
}
