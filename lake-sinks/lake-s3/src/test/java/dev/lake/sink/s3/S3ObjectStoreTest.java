package dev.lake.sink.s3;

import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStoreContract;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.s3.S3Client;

/** The object store contract on s3proxy, through the store's own client (url-connection, retries). */
class S3ObjectStoreTest extends ObjectStoreContract {
  static S3ObjectStore store;
  static String bucket;
  URI root;

  @BeforeAll
  static void start() {
    store = S3ObjectStore.builder().endpointOverride(S3Proxies.endpoint()).pathStyle(true)
        .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentials(S3Proxies.CREDENTIALS).build();
    bucket = S3Proxies.bucket(store.client());
  }

  @AfterAll
  static void stop() throws IOException {
    store.close();
  }

  @BeforeEach
  void freshRoot() {
    root = URI.create("s3://" + bucket + "/t-" + UUID.randomUUID() + "/");
  }

  @Override
  protected ObjectStore store() {
    return store;
  }

  @Override
  protected URI root() {
    return root;
  }

  static S3Client client() {
    return store.client();
  }
}
