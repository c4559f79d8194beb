package dev.lake.examples.ecommerce.invoices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The invoice API as an API Gateway (REST, proxy integration) Lambda handler. The table is named by the environment
 * variable {@code INVOICES_TABLE} (default {@code invoices}). The caller is what the route's authorizer verified
 * ({@link GatewayCallers}: a Cognito or JWT authorizer's claims, or a Lambda authorizer's context); a request
 * without one gets 401, so a route deployed without an authorizer serves nothing.
 *
 * <pre>{@code
 * // handler: dev.lake.examples.ecommerce.invoices.InvoiceLambda::handleRequest
 * APIGatewayProxyResponseEvent r = new InvoiceLambda(api).handleRequest(event, context);
 * }</pre>
 */
public final class InvoiceLambda implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
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
    InvoiceApi.Response r = api.handle(event.getHttpMethod(), event.getPath(), GatewayCallers.of(event));
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(r.status())
        .withHeaders(r.headers())
        .withBody(r.body());
  }
}
