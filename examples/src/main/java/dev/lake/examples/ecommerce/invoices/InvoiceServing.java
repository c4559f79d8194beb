package dev.lake.examples.ecommerce.invoices;

import dev.lake.PipelineResult;
import dev.lake.sink.dynamodb.Dynalite;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ecommerce --serve}: loads the invoices into DynamoDB (a given endpoint, or a local dynalite started for the
 * purpose) and serves the invoice API on a loopback port until the process is stopped.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar ecommerce --serve --invoice-files '2010-12-0*.csv.gz' --port 8080
 * curl localhost:8080/invoices/536365
 * curl localhost:8080/customers/17850/invoices
 * }</pre>
 */
public final class InvoiceServing {
  private InvoiceServing() {}

  /**
   * Loads and serves; blocks until the JVM is stopped.
   *
   * @param endpoint a DynamoDB endpoint, or null to start dynalite (needs Node.js and the build's npm install)
   */
  public static void run(URI data, String glob, URI endpoint, int port) throws IOException, InterruptedException {
    Dynalite local = endpoint == null ? Dynalite.start() : null;
    try (DynamoDbClient client = local != null ? local.client() : client(endpoint)) {
      InvoiceTable table = InvoiceTable.named("invoices");
      table.create(client);
      System.out.printf("Loading invoice lines (%s) into DynamoDB at %s …%n", glob,
          local != null ? local.endpoint() + " (dynalite, in memory)" : endpoint);
      PipelineResult loaded = table.loader(data, glob, client).run();
      System.out.println(loaded.summary());
      try (InvoiceServer server = InvoiceServer.start(new InvoiceApi(new InvoiceService(client, table.name())),
          port)) {
        System.out.printf("Invoice API on http://127.0.0.1:%d — try /invoices/536365 and "
            + "/customers/17850/invoices. Ctrl-C stops it.%n", server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
      }
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }

  private static DynamoDbClient client(URI endpoint) {
    var builder = DynamoDbClient.builder().endpointOverride(endpoint);
    String region = System.getenv("AWS_REGION");
    builder.region(region == null ? Region.US_EAST_1 : Region.of(region));
    boolean local = "localhost".equals(endpoint.getHost()) || "127.0.0.1".equals(endpoint.getHost());
    builder.credentialsProvider(local && System.getenv("AWS_ACCESS_KEY_ID") == null
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
        : DefaultCredentialsProvider.builder().build());
    return builder.build();
  }
}
