package dev.lake.sink.kinesis;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * kinesalite (npm, MIT: Kinesis Data Streams in memory), a local Kinesis for tests and offline examples, started as
 * a child process on a free port. A test double shipped in main code, like {@code Dynalite}: it needs Node.js and
 * kinesalite installed (the Maven build runs {@code npm ci} from the committed lock files); the path of its
 * {@code cli.js} comes from the system property {@code kinesalite.cli}, the environment variable
 * {@code KINESALITE_CLI}, or the build's install locations. kinesalite speaks JSON only, so {@link #client()} turns
 * CBOR off ({@code aws.cborEnabled=false}) before building the client.
 *
 * <pre>{@code
 * try (Kinesalite kinesis = Kinesalite.start(); KinesisClient client = kinesis.client()) {
 *   kinesis.createStream(client, "sales", 2);
 *   Pipeline.from(rows).to(KinesisSink.<Sale>toStream("sales").withClient(client)).run();
 * }
 * }</pre>
 */
public final class Kinesalite implements AutoCloseable {
  private final Process process;
  private final int port;

  private Kinesalite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts kinesalite and waits until its port answers. */
  public static Kinesalite start() throws IOException {
    Path cli = cli();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("kinesalite-", ".log");
    Process p = new ProcessBuilder(List.of("node", cli.toString(), "--port", Integer.toString(port),
        "--createStreamMs", "0", "--deleteStreamMs", "0", "--updateStreamMs", "0", "--shardLimit", "100"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("kinesalite exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new Kinesalite(p, port);
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    p.destroyForcibly();
    throw new IOException("kinesalite did not answer on port " + port + " within 20 s: " + Files.readString(log));
  }

  private static Path cli() throws IOException {
    String configured = System.getProperty("kinesalite.cli", System.getenv("KINESALITE_CLI"));
    List<String> candidates = configured != null ? List.of(configured) : List.of(
        "src/test/node/node_modules/kinesalite/cli.js",
        "../lake-sinks/lake-kinesis/src/test/node/node_modules/kinesalite/cli.js",
        "../../lake-sinks/lake-kinesis/src/test/node/node_modules/kinesalite/cli.js",
        "lake-sinks/lake-kinesis/src/test/node/node_modules/kinesalite/cli.js");
    for (String c : candidates) {
      if (new File(c).isFile()) {
        return Path.of(c).toAbsolutePath();
      }
    }
    throw new IOException("kinesalite is not installed at " + candidates + ": run `npm ci` in "
        + "lake-sinks/lake-kinesis/src/test/node (the Maven build does it), set -Dkinesalite.cli=<path to cli.js>, "
        + "or point at a Kinesis endpoint instead");
  }

  /** Its endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A new client for it (the caller closes it), with CBOR off and fake static credentials. */
  public KinesisClient client() {
    System.setProperty("aws.cborEnabled", "false");
    return KinesisClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
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
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
