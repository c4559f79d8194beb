package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.SinkException;
import dev.lake.testing.InMemorySource;
import dev.lake.io.ObjectStores;
import dev.lake.io.ObjectWriter;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Random;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Throttling (503 SlowDown) and reset connections on every 4th request, some after the server applied the request:
 * runs still complete with every row exactly once. The SDK's own retries are turned off here (one attempt) so that
 * Lake's retry layer does all the work.
 */
class FaultInjectionTest {
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

  static S3ObjectStore faultyStore(FaultyHttpClient http, int sdkAttempts, int lakeAttempts) {
    return S3ObjectStore.builder().httpClient(http).endpointOverride(S3Proxies.endpoint()).pathStyle(true)
        .region(Region.US_EAST_1).credentials(S3Proxies.CREDENTIALS).partSize(5 << 20).maxPartsInFlight(2)
        .maxAttempts(sdkAttempts, lakeAttempts).build();
  }

  @Test
  void run_faultsOnEveryFourthRequest_everyRowExactlyOnce() throws IOException {
    FaultyHttpClient http = new FaultyHttpClient(4);
    try (S3ObjectStore store = faultyStore(http, 1, 8)) {
      ObjectStores.register(URI.create("s3://" + bucket), store);
      Lake lake = Lake.at("s3://" + bucket + "/faulty");
      Pipeline<S3LakeTest.Event> p = Pipeline.from(InMemorySource.of("events", S3LakeTest.events(500)).withSplits(4))
          .named("events").to(lake.processed("events").partitionBy("country"));

      PipelineResult first = p.run();
      PipelineResult second = p.run();

      assertThat(first.rowsWritten()).isEqualTo(500);
      assertThat(second.reconciles()).isTrue();
      assertThat(http.faults()).as("faults injected").isGreaterThan(10);
      List<GenericRecord> rows = S3LakeTest.readAll(lake.read("events"));
      assertThat(rows).hasSize(500);
      assertThat(rows.stream().map(r -> r.get("id").toString()).distinct()).hasSize(500);
      List<String> live = lake.latest("events").orElseThrow().files().stream()
          .map(f -> "faulty/processed/events/" + f.path()).sorted().toList();
      assertThat(S3Proxies.keys(clean, bucket).stream().filter(k -> k.startsWith("faulty/processed/")))
          .as("what a plain reader of the prefix sees").containsExactlyElementsOf(live);
      assertThat(second.splitsSkipped()).as("the second run finds every split committed").isEqualTo(4);
      assertThat(lake.history("events")).hasSize(1);
      assertThat(S3Proxies.uploads(clean, bucket)).as("no staged upload left behind").isEmpty();
    } finally {
      ObjectStores.register(URI.create("s3://" + bucket), S3ObjectStore.builder().client(clean).build());
    }
  }

  @Test
  void commit_multipartWithFaults_objectComplete() throws IOException {
    FaultyHttpClient http = new FaultyHttpClient(3);
    byte[] data = new byte[16 << 20];
    new Random(7).nextBytes(data);
    try (S3ObjectStore store = faultyStore(http, 2, 6)) {
      URI uri = URI.create("s3://" + bucket + "/mp/big.bin");
      try (ObjectWriter out = store.newWriter(uri)) {
        out.write(data);
        out.commit();
      }

      assertThat(http.faults()).isPositive();
      assertThat(store.readAllBytes(uri)).isEqualTo(data);
      assertThat(S3Proxies.uploads(clean, bucket)).isEmpty();
    }
  }

  @Test
  void stat_alwaysThrottled_failsRetryableNamingAttempts() throws IOException {
    FaultyHttpClient http = new FaultyHttpClient(0);
    http.throttled = r -> true;
    try (S3ObjectStore store = faultyStore(http, 2, 3)) {
      assertThatThrownBy(() -> store.stat(URI.create("s3://" + bucket + "/x")))
          .isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.connector()).isEqualTo("s3");
          })
          .hasMessageContaining("HeadObject s3://" + bucket + "/x failed after 3 attempts")
          .hasMessageContaining("503");
      assertThat(http.seen).hasSize(6); // 2 SDK attempts in each of 3 Lake attempts
    }
  }
}
