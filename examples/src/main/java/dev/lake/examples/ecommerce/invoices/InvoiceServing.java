package dev.lake.examples.ecommerce.invoices;

import dev.lake.PipelineResult;
import dev.lake.testing.Dynalite;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ecommerce --serve}: loads the invoices into DynamoDB (a given endpoint, or a local dynalite started for the
 * purpose) and serves the invoice API on a loopback port until the process is stopped. It prints two fresh bearer
 * tokens: one for the admin scope and one for customer 17850; a request without a token gets 401.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar ecommerce --serve --invoice-files '2010-12-0*.csv.gz' --port 8080
 * curl -H "Authorization: Bearer $ADMIN_TOKEN" localhost:8080/invoices/536365
 * curl -H "Authorization: Bearer $CUSTOMER_TOKEN" localhost:8080/customers/17850/invoices
 * }</pre>
 */
public final class InvoiceServing {
  /** The customer whose token {@code --serve} prints: the first customer of the data. */
  static final String DEMO_CUSTOMER = "17850";

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
      String admin = InvoiceServer.newToken();
      String customer = InvoiceServer.newToken();
      try (InvoiceServer server = InvoiceServer.start(new InvoiceApi(new InvoiceService(client, table.name())),
          port, Map.of(admin, Caller.admin("local-admin"), customer, Caller.customer(DEMO_CUSTOMER)))) {
        System.out.printf("Invoice API on http://127.0.0.1:%d — try /invoices/536365 and "
            + "/customers/%s/invoices with a bearer token (without one: 401). Ctrl-C stops it.%n"
            + "  admin (every invoice):        curl -H 'Authorization: Bearer %s' %s%n"
            + "  customer %s (their own only): curl -H 'Authorization: Bearer %s' %s%n", server.port(),
            DEMO_CUSTOMER, admin, "http://127.0.0.1:" + server.port() + "/invoices/536365", DEMO_CUSTOMER, customer,
            "http://127.0.0.1:" + server.port() + "/customers/" + DEMO_CUSTOMER + "/invoices");
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
