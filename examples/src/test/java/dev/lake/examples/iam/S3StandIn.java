package dev.lake.examples.iam;

import dev.lake.iam.IamScope;
import dev.lake.iam.RecordingInterceptor;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import dev.lake.testing.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-process s3proxy with two clients: {@link #setup} (not recorded) puts the example's data in, and the
 * {@link #calls recorded} one backs the S3 store registered for the test's buckets, so every call a pipeline makes is
 * seen as the IAM action and resource it needs.
 */
final class S3StandIn implements AutoCloseable {
  static final IamScope SCOPE = IamScope.of("us-east-1", "123456789012");
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();

  final RecordingInterceptor calls = new RecordingInterceptor(SCOPE);
  final S3Client setup;
  private final S3ProxyServer server;
  private final S3Client recorded;
  private final S3ObjectStore store;

  S3StandIn(String... buckets) {
    server = S3ProxyServer.start("AKIAIAMEXAMPLES00001", "iamSecret/NotReal+0");
    setup = server.clientBuilder().build();
    recorded = server.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
    store = S3ObjectStore.builder().client(recorded).build();
    for (String bucket : buckets) {
      setup.createBucket(b -> b.bucket(bucket));
      ObjectStores.register(URI.create("s3://" + bucket), store);
    }
  }

  /** Copies {@code data/<folder>} to {@code s3://<bucket>/<prefix><folder>/...}, file by file. */
  void upload(String folder, String bucket, String prefix) {
    upload(folder, bucket, prefix, "glob:**");
  }

  /** Copies the files of {@code data/<folder>} whose path relative to it matches {@code pattern}. */
  void upload(String folder, String bucket, String prefix, String pattern) {
    Path root = DATA.resolve(folder);
    var matcher = root.getFileSystem().getPathMatcher(pattern);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> matcher.matches(root.relativize(f))).toList()) {
        String key = prefix + folder + "/" + root.relativize(f).toString().replace('\\', '/');
        setup.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    store.close();
    recorded.close();
    setup.close();
    server.close();
  }
}
