package dev.lake.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import dev.lake.testing.S3ProxyServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SnapStart priming hook: registered, it does nothing until the JVM checkpoints; its {@code beforeCheckpoint}
 * (what a checkpointing JVM calls on each registered resource) writes one Parquet file to the scratch folder on a
 * real S3 (s3proxy) and leaves the bucket as it found it.
 */
class SnapStartPrimingTest {
  private static S3ProxyServer server;
  private static S3Client s3;

  record Sale(String invoice_no, int quantity, double unit_price, LocalDateTime invoice_date) {
    static Sale sample() {
      return new Sale("536365", 6, 2.55, LocalDateTime.of(2010, 12, 1, 8, 26));
    }
  }

  @BeforeAll
  static void start() {
    server = S3ProxyServer.start("AKIALAKEPRIMING00001", "primingSecret/0123456789abcdefghijklmnop");
    s3 = server.client();
  }

  @AfterAll
  static void stop() {
    s3.close();
    server.close();
  }

  /** A fresh bucket whose store records the object calls it serves (a pass-through to the real S3 store). */
  private static String bucket(List<String> calls) {
    String bucket = "priming-" + UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(b -> b.bucket(bucket));
    ObjectStore real = S3ObjectStore.builder().endpointOverride(server.endpoint()).pathStyle(true)
        .region(server.region()).credentials(server.credentials()).build();
    ObjectStore recording = (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(),
        new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> {
          if (args != null && args.length > 0 && args[0] instanceof URI uri) {
            calls.add(method.getName() + " " + uri.getPath());
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    ObjectStores.register(URI.create("s3://" + bucket), recording);
    return bucket;
  }

  private static List<String> keys(String bucket) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(o -> o.key()).sorted().toList();
  }

  @Test
  void registered_onAJvmThatNeverCheckpoints_doesNothing() {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    String bucket = bucket(calls);

    SnapStartPriming priming = SnapStartPriming.register(URI.create("s3://" + bucket + "/lake/_lake/priming/"),
        Sale.sample());

    assertThat(priming.timesPrimed()).isZero();
    assertThat(calls).isEmpty();
    assertThat(keys(bucket)).isEmpty();
  }

  @Test
  void beforeCheckpoint_writesOneParquetFileToTheScratchFolder_andLeavesTheBucketAsItWas() throws Exception {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    String bucket = bucket(calls);
    s3.putObject(b -> b.bucket(bucket).key("lake/processed/sales/part-0.parquet"), RequestBody.fromString("x"));
    SnapStartPriming priming = SnapStartPriming.register(URI.create("s3://" + bucket + "/lake/_lake/priming/"),
        Sale.sample());

    // What a checkpointing JVM (SnapStart's) calls on every resource registered with its global context; this JVM
    // does not checkpoint (org.crac's global context refuses to be driven by hand), so the test calls it
    priming.beforeCheckpoint(null);

    assertThat(priming.timesPrimed()).isEqualTo(1);
    assertThat(calls).filteredOn(c -> c.startsWith("newWriter ")).singleElement().asString()
        .matches("newWriter /lake/_lake/priming/priming-[0-9a-f-]{36}\\.parquet");
    String written = calls.stream().filter(c -> c.startsWith("newWriter ")).findFirst().orElseThrow()
        .substring("newWriter ".length());
    assertThat(calls).contains("delete " + written, "stat " + written);
    assertThat(keys(bucket)).containsExactly("lake/processed/sales/part-0.parquet");
    assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void prime_onALocalFolder_leavesItEmpty(@TempDir Path dir) throws Exception {
    Path scratch = Files.createDirectories(dir.resolve("_lake/priming"));
    SnapStartPriming priming = new SnapStartPriming(scratch.toUri(), Sale.sample());

    priming.prime();
    priming.prime();

    assertThat(priming.timesPrimed()).isEqualTo(2);
    try (Stream<Path> left = Files.walk(scratch)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void scratchMustBeAFolder() {
    assertThatThrownBy(() -> new SnapStartPriming(URI.create("s3://shop/lake/_lake/priming"), Sale.sample()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("ending in '/'");
  }

  @Test
  void requiredPermissions_writeReadAndDelete_inTheScratchFolderOnly() {
    IamPolicy policy = new SnapStartPriming(URI.create("s3://shop/lake/_lake/priming/"), Sale.sample())
        .requiredPermissions(IamScope.of("eu-west-1", "123456789012"));

    String scratch = "arn:aws:s3:::shop/lake/_lake/priming/priming-1.parquet";
    assertThat(policy.allows("s3:PutObject", scratch, Map.of())).isTrue();
    assertThat(policy.allows("s3:DeleteObject", scratch, Map.of())).isTrue();
    assertThat(policy.allows("s3:GetObject", scratch, Map.of())).isTrue();
    assertThat(policy.allows("s3:PutObject", "arn:aws:s3:::shop/lake/processed/sales/x.parquet", Map.of()))
        .isFalse();
    assertThat(policy.allows("s3:DeleteObject", "arn:aws:s3:::shop/lake/_lake/manifests/sales/1.json", Map.of()))
        .isFalse();
    assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::shop", Map.of("s3:prefix", "lake/"))).isFalse();
    assertThat(policy.undeclared()).isEmpty();
  }
}
