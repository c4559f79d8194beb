package dev.lake.examples.ecommerce.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.lake.sink.dynamodb.Dynalite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The invoice API as API Gateway calls it (events deserialized by the Lambda runtime's own serializer) and through
 * the local server, over the invoices of 2010-12-01 loaded into dynalite.
 */
class InvoiceApiTest {
  static Dynalite dynamo;
  static DynamoDbClient client;
  static InvoiceLambda lambda;
  static InvoiceApi api;

  @BeforeAll
  static void load() throws IOException {
    dynamo = Dynalite.start();
    client = dynamo.client();
    InvoiceTable table = InvoiceTable.named("invoices");
    table.create(client);
    table.loader(InvoiceServiceTest.DATA.toUri(), "2010-12-01.csv.gz", client).run();
    api = new InvoiceApi(new InvoiceService(client, table.name()));
    lambda = new InvoiceLambda(api);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  private static APIGatewayProxyResponseEvent call(String path, String customerClaim) {
    String authorizer = customerClaim == null ? "" : """
        , "authorizer": {"claims": {"sub": "c0ffee", "custom:customer_id": "%s"}}""".formatted(customerClaim);
    String json = """
        {"resource": "/{proxy+}", "path": "%s", "httpMethod": "GET", "headers": {"Accept": "application/json"},
         "pathParameters": {"proxy": "%s"},
         "requestContext": {"resourcePath": "/{proxy+}", "httpMethod": "GET", "stage": "prod",
                            "requestId": "r-1"%s},
         "body": null, "isBase64Encoded": false}""".formatted(path, path.substring(1), authorizer);
    APIGatewayProxyRequestEvent event = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
        InvoiceApiTest.class.getClassLoader()).fromJson(json);
    return lambda.handleRequest(event, null);
  }

  @Test
  void getInvoice_known_200WithLines() {
    APIGatewayProxyResponseEvent r = call("/invoices/536365", null);

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getHeaders()).containsEntry("Content-Type", "application/json");
    assertThat(r.getBody()).contains("\"invoiceNo\" : \"536365\"", "\"total\" : 139.12",
        "\"stockCode\" : \"85123A\"", "\"unitPrice\" : 2.550", "\"invoiceDate\" : \"2010-12-01T08:26:00\"");
  }

  @Test
  void getInvoice_cancellationAndNoCustomer_200() {
    assertThat(call("/invoices/C536379", null).getBody()).contains("\"cancellation\" : true", "\"total\" : -27.5");
    assertThat(call("/invoices/536414", null).getBody()).contains("\"customerId\" : null");
  }

  @Test
  void getInvoice_malformed_400WithReason() {
    APIGatewayProxyResponseEvent r = call("/invoices/53636X", null);

    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.getBody()).contains("Invalid invoice number '53636X'");
    assertThat(call("/customers/abc/invoices", null).getStatusCode()).isEqualTo(400);
  }

  @Test
  void getInvoice_unknown_404() {
    assertThat(call("/invoices/999999", null).getStatusCode()).isEqualTo(404);
    assertThat(call("/customers/99999/invoices", null).getStatusCode()).isEqualTo(404);
    assertThat(call("/orders/1", null).getStatusCode()).isEqualTo(404);
  }

  @Test
  void authenticatedCustomer_ownInvoices200_othersAndAnonymous403() {
    assertThat(call("/invoices/536365", "17850").getStatusCode()).isEqualTo(200);
    assertThat(call("/customers/17850/invoices", "17850").getStatusCode()).isEqualTo(200);
    assertThat(call("/invoices/536365", "14527").getStatusCode()).isEqualTo(403);
    assertThat(call("/invoices/536414", "14527").getStatusCode()).as("an invoice without customer").isEqualTo(403);
    APIGatewayProxyResponseEvent other = call("/customers/17850/invoices", "14527");
    assertThat(other.getStatusCode()).isEqualTo(403);
    assertThat(other.getBody()).contains("may only read their own invoices");
  }

  @Test
  void localServer_servesTheSameApi() throws Exception {
    try (InvoiceServer server = InvoiceServer.start(api, 0)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + "/customers/17850/invoices")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + "/invoices/999999")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + "/invoices/536365")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("\"invoiceNo\" : \"536365\"");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }
}
