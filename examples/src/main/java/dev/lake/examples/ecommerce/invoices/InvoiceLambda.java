package dev.lake.examples.ecommerce.invoices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The invoice API as an API Gateway (REST, proxy integration) Lambda handler. The table is named by the environment
 * variable {@code INVOICES_TABLE} (default {@code invoices}). The authenticated customer is the Cognito claim
 * {@code custom:customer_id} under {@code requestContext.authorizer.claims}; without it the request is served as
 * unauthenticated (put an authorizer on the route to require one).
 *
 * <pre>{@code
 * // handler: dev.lake.examples.ecommerce.invoices.InvoiceLambda::handleRequest
 * APIGatewayProxyResponseEvent r = new InvoiceLambda(api).handleRequest(event, context);
 * }</pre>
 */
public final class InvoiceLambda implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  /** The claim that holds the authenticated customer's id. */
  public static final String CUSTOMER_CLAIM = "custom:customer_id";

  private final InvoiceApi api;

  /** For the Lambda runtime: a client from the function's environment, created once per container. */
  public InvoiceLambda() {
    this(new InvoiceApi(new InvoiceService(DynamoDbClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
        Optional.ofNullable(System.getenv("INVOICES_TABLE")).orElse("invoices"))));
  }

  public InvoiceLambda(InvoiceApi api) {
    this.api = api;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    InvoiceApi.Response r = api.handle(event.getHttpMethod(), event.getPath(), customer(event));
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(r.status())
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(r.body());
  }

  static Optional<String> customer(APIGatewayProxyRequestEvent event) {
    if (event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null) {
      return Optional.empty();
    }
    Object claims = event.getRequestContext().getAuthorizer().get("claims");
    if (claims instanceof Map<?, ?> m && m.get(CUSTOMER_CLAIM) != null) {
      return Optional.of(m.get(CUSTOMER_CLAIM).toString());
    }
    return Optional.empty();
  }
}
