package dev.lake.examples.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.lang.management.ManagementFactory;

/**
 * Measures a cold start: from this JVM's start to the first ingest request answered by {@link IngestHandler}
 * (class init, client, validation, one PutRecords). {@code --create-stream} creates the stream first (unmeasured).
 */
public final class IngestColdStart {
  private IngestColdStart() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("--create-stream")) {
      try (var client = IngestHandler.client()) {
        client.createStream(b -> b.streamName(System.getenv().getOrDefault("LAKE_STREAM", "sales")).shardCount(1));
      }
      return;
    }
    APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody(
        "{\"invoice_no\":\"536365\",\"stock_code\":\"85123A\",\"description\":\"WHITE HANGING HEART T-LIGHT HOLDER\","
            + "\"quantity\":6,\"invoice_date\":\"2010-12-01T08:26:00\",\"unit_price\":2.55,\"customer_id\":17850,"
            + "\"country\":\"United Kingdom\"}");
    APIGatewayProxyResponseEvent response = new IngestHandler().handleRequest(request, null);
    long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(response.getStatusCode() + " " + response.getBody() + " first record handled "
        + sinceJvmStart + " ms after JVM start");
  }
}
