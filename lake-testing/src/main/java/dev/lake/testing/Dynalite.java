package dev.lake.testing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * dynalite (npm, MIT: DynamoDB on LevelDB, in memory here), a local DynamoDB for tests and offline examples,
 * started as a child process on a free loopback port. It needs Node.js and dynalite installed (the Maven build runs
 * {@code npm ci} from the committed lock files); the path of its {@code cli.js} comes from the system property
 * {@code dynalite.cli}, the environment variable {@code DYNALITE_CLI}, or an install at
 * {@code src/test/node/node_modules} or {@code lake-sinks/lake-dynamodb/src/test/node/node_modules} under the working
 * directory, the calling test's class folder or any of their parents. {@link #client()} uses whichever SDK HTTP client
 * is on the classpath.
 *
 * <pre>{@code
 * import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
 * import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;
 * try (Dynalite dynamo = Dynalite.start(); DynamoDbClient client = dynamo.client()) {
 *   DynamoDbTables.table("invoices").partitionKey("invoice_no", S).createIfAbsent(client);
 * }
 * }</pre>
 */
public final class Dynalite implements AutoCloseable {
  private final LocalNodeService service;

  private Dynalite(LocalNodeService service) {
    this.service = service;
  }

  /** Starts dynalite and waits until its port answers. */
  public static Dynalite start() throws IOException {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    return new Dynalite(LocalNodeService.start(caller, "dynalite", "dynalite.cli", "DYNALITE_CLI", List.of(
        "src/test/node/node_modules/dynalite/cli.js",
        "examples/src/test/node/node_modules/dynalite/cli.js",
        "lake-sinks/lake-dynamodb/src/test/node/node_modules/dynalite/cli.js"),
        List.of("--host", "127.0.0.1", "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")));
  }

  /** The node process's pid (a test may check that it ends with this JVM). */
  public long pid() {
    return service.pid();
  }

  /** Its endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return service.endpoint();
  }

  /** A new client for it (the caller closes it). */
  public DynamoDbClient client() {
    return clientBuilder().build();
  }

  /**
   * A client builder aimed at it (endpoint, us-east-1, fake static credentials), for a caller that adds interceptors
   * or another region.
   */
  public DynamoDbClientBuilder clientBuilder() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }

  @Override
  public void close() {
    service.close();
  }
}
