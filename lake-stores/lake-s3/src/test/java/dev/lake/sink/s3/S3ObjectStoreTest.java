package dev.lake.sink.s3;

import dev.lake.io.ObjectStore;
import dev.lake.testing.ObjectStoreContract;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The object store contract on s3proxy, through the store's own client (url-connection, retries). A killed writer's
 * leftover is an incomplete multipart upload with a part sent: a writer sends nothing to S3 below a whole part.
 */
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

  @Override
  protected void leaveUnfinishedWrite(URI target) {
    S3Location at = S3Location.of(target);
    String uploadId = client().createMultipartUpload(r -> r.bucket(at.bucket()).key(at.key())).uploadId();
    client().uploadPart(r -> r.bucket(at.bucket()).key(at.key()).uploadId(uploadId).partNumber(1),
        RequestBody.fromBytes(new byte[10]));
  }

  static S3Client client() {
    return store.client();
  }
}
