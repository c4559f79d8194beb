package dev.lake.examples.ecommerce.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.lake.testing.Dynalite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The invoice API as API Gateway calls it (events deserialized by the Lambda runtime's own serializer) and through
 * the local server, over the invoices of 2010-12-01 loaded into dynalite, with every identity shape: none, a
 * customer, another customer, the admin group, a Lambda authorizer's context. 536365 is customer 17850's; 536414 has
 * no customer.
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

  /** An event with the {@code authorizer} JSON given (null: no authorizer on the route). */
  private static APIGatewayProxyResponseEvent call(String method, String path, String authorizer) {
    String json = """
        {"resource": "/{proxy+}", "path": "%s", "httpMethod": "%s", "headers": {"Accept": "application/json"},
         "pathParameters": {"proxy": "%s"},
         "requestContext": {"resourcePath": "/{proxy+}", "httpMethod": "%s", "stage": "prod",
                            "requestId": "r-1"%s},
         "body": null, "isBase64Encoded": false}""".formatted(path, method, path.substring(1), method,
        authorizer == null ? "" : ", \"authorizer\": " + authorizer);
    APIGatewayProxyRequestEvent event = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
        InvoiceApiTest.class.getClassLoader()).fromJson(json);
    return lambda.handleRequest(event, null);
  }

  private static APIGatewayProxyResponseEvent get(String path, String authorizer) {
    return call("GET", path, authorizer);
  }

  /** A Cognito user pool authorizer's claims for customer {@code id}. */
  private static String cognito(String id) {
    return """
        {"claims": {"sub": "c0ffee", "custom:customer_id": "%s", "cognito:groups": "buyers"}}""".formatted(id);
  }

  private static final String ADMIN = """
      {"claims": {"sub": "a11ce", "cognito:groups": "buyers,invoice-admins"}}""";
  private static final String LAMBDA_AUTHORIZER_17850 = """
      {"principalId": "user-7", "customer_id": "17850", "integrationLatency": 12}""";
  private static final String LAMBDA_AUTHORIZER_ADMIN = """
      {"principalId": "ops", "groups": "invoice-admins", "integrationLatency": 12}""";

  @Test
  void get_noAuthorizer_401OnEveryPath() {
    for (String path : List.of("/invoices/536365", "/invoices/536414", "/customers/17850/invoices", "/orders/1",
        "/invoices/999999")) {
      APIGatewayProxyResponseEvent r = get(path, null);

      assertThat(r.getStatusCode()).as(path).isEqualTo(401);
      assertThat(r.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
      assertThat(r.getBody()).contains("No verified identity").doesNotContain("536365", "17850");
    }
  }

  @Test
  void get_authorizerWithoutACustomer_401() {
    assertThat(get("/invoices/536365", "{\"claims\": {\"sub\": \"c0ffee\"}}").getStatusCode()).isEqualTo(401);
    assertThat(get("/invoices/536365", "{\"principalId\": \"user-7\"}").getStatusCode()).isEqualTo(401);
    assertThat(get("/invoices/536365", cognito("17850.0")).getStatusCode()).as("not a customer id").isEqualTo(401);
    assertThat(get("/invoices/536365", "{\"claims\": {\"cognito:groups\": \"invoice-admins-old\"}}")
        .getStatusCode()).as("only the exact group").isEqualTo(401);
  }

  @Test
  void get_customerOwnInvoice_200WithLines() {
    APIGatewayProxyResponseEvent r = get("/invoices/536365", cognito("17850"));

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getHeaders()).containsEntry("Content-Type", "application/json");
    assertThat(r.getBody()).contains("\"invoiceNo\" : \"536365\"", "\"total\" : 139.12",
        "\"stockCode\" : \"85123A\"", "\"unitPrice\" : 2.550", "\"invoiceDate\" : \"2010-12-01T08:26:00\"");
    assertThat(get("/customers/17850/invoices", cognito("17850")).getStatusCode()).isEqualTo(200);
  }

  @Test
  void get_otherCustomersInvoice_404LikeAMissingOne() {
    APIGatewayProxyResponseEvent other = get("/invoices/536365", cognito("14527"));
    APIGatewayProxyResponseEvent missing = get("/invoices/536364", cognito("14527"));
    APIGatewayProxyResponseEvent noCustomer = get("/invoices/536414", cognito("14527"));

    assertThat(other.getStatusCode()).isEqualTo(404);
    assertThat(other.getBody()).isEqualTo(missing.getBody().replace("536364", "536365"));
    assertThat(noCustomer.getStatusCode()).isEqualTo(404);
    assertThat(other.getHeaders()).isEqualTo(missing.getHeaders());
  }

  @Test
  void get_otherCustomersHistory_404LikeAnUnknownCustomer() {
    APIGatewayProxyResponseEvent other = get("/customers/17850/invoices", cognito("14527"));
    APIGatewayProxyResponseEvent unknown = get("/customers/99999/invoices", cognito("99999"));

    assertThat(other.getStatusCode()).isEqualTo(404);
    assertThat(other.getBody()).isEqualTo(unknown.getBody().replace("99999", "17850"));
  }

  @Test
  void get_adminGroup_readsEveryInvoiceAndHistory() {
    assertThat(get("/invoices/536365", ADMIN).getStatusCode()).isEqualTo(200);
    assertThat(get("/invoices/536414", ADMIN).getBody()).contains("\"customerId\" : null");
    assertThat(get("/invoices/C536379", ADMIN).getBody()).contains("\"cancellation\" : true", "\"total\" : -27.5");
    assertThat(get("/customers/17850/invoices", ADMIN).getStatusCode()).isEqualTo(200);
    assertThat(get("/invoices/999999", ADMIN).getStatusCode()).isEqualTo(404);
    assertThat(get("/customers/99999/invoices", ADMIN).getStatusCode()).isEqualTo(404);
  }

  @Test
  void get_lambdaAuthorizerContext_customerAndAdmin() {
    assertThat(get("/invoices/536365", LAMBDA_AUTHORIZER_17850).getStatusCode()).isEqualTo(200);
    assertThat(get("/customers/17850/invoices", LAMBDA_AUTHORIZER_17850).getStatusCode()).isEqualTo(200);
    assertThat(get("/invoices/536414", LAMBDA_AUTHORIZER_17850).getStatusCode()).isEqualTo(404);
    assertThat(get("/customers/14527/invoices", LAMBDA_AUTHORIZER_17850).getStatusCode()).isEqualTo(404);
    assertThat(get("/invoices/536414", LAMBDA_AUTHORIZER_ADMIN).getStatusCode()).isEqualTo(200);
  }

  @Test
  void get_malformedIds_400WithReason() {
    APIGatewayProxyResponseEvent r = get("/invoices/53636X", cognito("17850"));

    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.getBody()).contains("Invalid invoice number '53636X'");
    assertThat(get("/customers/abc/invoices", cognito("17850")).getStatusCode()).isEqualTo(400);
    assertThat(get("/orders/1", cognito("17850")).getStatusCode()).isEqualTo(404);
  }

  @Test
  void get_hugeIds_rejectedBeforeUseWithoutEchoingThem() {
    String id = "5".repeat(100_000);
    APIGatewayProxyResponseEvent path = get("/invoices/" + id, ADMIN);
    APIGatewayProxyResponseEvent segment = get("/invoices/" + "5".repeat(200), ADMIN);
    APIGatewayProxyResponseEvent customer = get("/customers/" + "1".repeat(40) + "/invoices", ADMIN);

    assertThat(path.getStatusCode()).isEqualTo(414);
    assertThat(path.getBody()).hasSizeLessThan(200).contains("100010 characters");
    assertThat(segment.getStatusCode()).isEqualTo(400);
    assertThat(segment.getBody()).hasSizeLessThan(200).contains("200 characters");
    assertThat(customer.getStatusCode()).isEqualTo(400);
  }

  @Test
  void head_answersAsGetWithoutABody() {
    APIGatewayProxyResponseEvent ok = call("HEAD", "/invoices/536365", cognito("17850"));
    APIGatewayProxyResponseEvent other = call("HEAD", "/invoices/536365", cognito("14527"));

    assertThat(ok.getStatusCode()).isEqualTo(200);
    assertThat(ok.getBody()).isEmpty();
    assertThat(other.getStatusCode()).isEqualTo(404);
    assertThat(call("HEAD", "/invoices/536365", null).getStatusCode()).isEqualTo(401);
  }

  @Test
  void post_405WithAllow() {
    APIGatewayProxyResponseEvent r = call("POST", "/invoices/536365", cognito("17850"));

    assertThat(r.getStatusCode()).isEqualTo(405);
    assertThat(r.getHeaders()).containsEntry("Allow", "GET, HEAD");
  }

  @Test
  void localServer_bearerTokens_sameRulesAsTheGateway() throws Exception {
    String admin = InvoiceServer.newToken();
    String customer = InvoiceServer.newToken();
    try (InvoiceServer server = InvoiceServer.start(api, 0, Map.of(admin, Caller.admin("local"), customer,
        Caller.customer("14527")))) {
      String base = "http://127.0.0.1:" + server.port();

      assertThat(send(base, "GET", "/customers/17850/invoices", null).statusCode()).isEqualTo(401);
      assertThat(send(base, "GET", "/customers/17850/invoices", "not-a-token").statusCode()).isEqualTo(401);
      HttpResponse<String> ok = send(base, "GET", "/customers/17850/invoices", admin);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("\"invoiceNo\" : \"536365\"");
      assertThat(send(base, "GET", "/invoices/536365", customer).statusCode()).isEqualTo(404);
      assertThat(send(base, "GET", "/invoices/999999", admin).statusCode()).isEqualTo(404);
      HttpResponse<String> head = send(base, "HEAD", "/invoices/536365", admin);
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      HttpResponse<String> post = send(base, "POST", "/invoices/536365", admin);
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
  }

  private static HttpResponse<String> send(String base, String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
