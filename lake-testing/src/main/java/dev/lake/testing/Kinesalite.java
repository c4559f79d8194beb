package dev.lake.testing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * kinesalite (npm, MIT: Kinesis Data Streams in memory), a local Kinesis for tests and offline examples, started as
 * a child process on a free port. It needs Node.js and kinesalite installed (the Maven build runs {@code npm ci} from
 * the committed lock files); the path of its {@code cli.js} comes from the system property {@code kinesalite.cli},
 * the environment variable {@code KINESALITE_CLI}, or an install at {@code src/test/node/node_modules} or
 * {@code lake-sinks/lake-kinesis/src/test/node/node_modules} under the working directory, the calling test's class
 * folder or any of their parents. kinesalite speaks JSON only, so {@link #client()} turns
 * CBOR off ({@code aws.cborEnabled=false}) before building the client.
 *
 * <pre>{@code
 * // given: Source<Sale> rows
 * import software.amazon.awssdk.services.kinesis.KinesisClient;
 * try (Kinesalite kinesis = Kinesalite.start(); KinesisClient client = kinesis.client()) {
 *   kinesis.createStream(client, "sales", 2);
 *   Pipeline.from(rows).to(KinesisSink.<Sale>toStream("sales").withClient(client)).run();
 * }
 * }</pre>
 */
public final class Kinesalite implements AutoCloseable {
  private final LocalNodeService service;

  private Kinesalite(LocalNodeService service) {
    this.service = service;
  }

  /** Starts kinesalite and waits until its port answers. */
  public static Kinesalite start() throws IOException {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    return new Kinesalite(LocalNodeService.start(caller, "kinesalite", "kinesalite.cli", "KINESALITE_CLI", List.of(
        "src/test/node/node_modules/kinesalite/cli.js",
        "lake-sinks/lake-kinesis/src/test/node/node_modules/kinesalite/cli.js"),
        List.of("--createStreamMs", "0", "--deleteStreamMs", "0", "--updateStreamMs", "0", "--shardLimit", "100")));
  }

  /** The node process's pid (a test may check that it ends with this JVM). */
  public long pid() {
    return service.pid();
  }

  /** Its endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return service.endpoint();
  }

  /** A new client for it (the caller closes it), with CBOR off and fake static credentials. */
  public KinesisClient client() {
    return clientBuilder().build();
  }

  /**
   * A client builder aimed at it (endpoint, us-east-1, fake static credentials; CBOR turned off), for a caller that
   * adds interceptors or another region.
   */
  public KinesisClientBuilder clientBuilder() {
    System.setProperty("aws.cborEnabled", "false");
    return KinesisClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }

  /** Creates a stream with {@code shards} shards and waits until it is active. */
  public void createStream(KinesisClient client, String stream, int shards) {
    client.createStream(b -> b.streamName(stream).shardCount(shards));
    waitUntilActive(client, stream);
  }

  /** Waits until a stream (after a create, split or merge) is active again. */
  public static void waitUntilActive(KinesisClient client, String stream) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (client.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamStatus()
          == StreamStatus.ACTIVE) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted waiting for stream " + stream, e);
      }
    }
    throw new IllegalStateException("Stream " + stream + " did not become ACTIVE within 20 s");
  }

  @Override
  public void close() {
    service.close();
  }
}
