package dev.lake.sink.dynamodb;

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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite (npm, MIT: DynamoDB on LevelDB, in memory here), a local DynamoDB for tests and offline examples,
 * started as a child process on a free loopback port. A test double shipped in main code, like Lake's in-memory
 * sources: it needs Node.js and dynalite installed (the Maven build runs {@code npm ci} from the committed lock
 * files); the path of its {@code cli.js} comes from the system property {@code dynalite.cli}, the environment
 * variable {@code DYNALITE_CLI}, or the build's install locations. {@link #client()} uses whichever SDK HTTP client
 * is on the classpath.
 *
 * <pre>{@code
 * try (Dynalite dynamo = Dynalite.start(); DynamoDbClient client = dynamo.client()) {
 *   DynamoDbTables.table("invoices").partitionKey("invoice_no", S).create(client);
 * }
 * }</pre>
 */
public final class Dynalite implements AutoCloseable {
  private final Process process;
  private final int port;

  private Dynalite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts dynalite and waits until its port answers. */
  public static Dynalite start() throws IOException {
    Path cli = cli();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("dynalite-", ".log");
    Process p = new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port",
        Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("dynalite exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new Dynalite(p, port);
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
    throw new IOException("dynalite did not answer on port " + port + " within 20 s: " + Files.readString(log));
  }

  private static Path cli() throws IOException {
    String configured = System.getProperty("dynalite.cli", System.getenv("DYNALITE_CLI"));
    List<String> candidates = configured != null ? List.of(configured) : List.of(
        "src/test/node/node_modules/dynalite/cli.js",
        "examples/src/test/node/node_modules/dynalite/cli.js",
        "../lake-sinks/lake-dynamodb/src/test/node/node_modules/dynalite/cli.js",
        "lake-sinks/lake-dynamodb/src/test/node/node_modules/dynalite/cli.js");
    for (String c : candidates) {
      if (new File(c).isFile()) {
        return Path.of(c).toAbsolutePath();
      }
    }
    throw new IOException("dynalite is not installed at " + candidates + ": run `npm ci` in "
        + "examples/src/test/node (the Maven build does it), set -Ddynalite.cli=<path to cli.js>, or point at a "
        + "DynamoDB endpoint instead");
  }

  /** Its endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A new client for it (the caller closes it). */
  public DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
