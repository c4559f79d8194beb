package dev.lake.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lake.lambda.IngestEndpoint;
import dev.lake.sink.kinesis.KinesisSink;
import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * {@code POST /sales} with one invoice line or an array of them → validated → Kinesis stream {@code LAKE_STREAM}
 * (default {@code sales}), keyed by invoice number. Everything is built once, when the class initialises.
 * {@code LAKE_KINESIS_ENDPOINT} points it at a local Kinesis (kinesalite).
 */
public final class IngestHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  static final IngestEndpoint<SaleEvent> ENDPOINT = IngestEndpoint.of(SaleEvent.class)
      .to(KinesisSink.<SaleEvent>toStream(env("LAKE_STREAM", "sales")).withClient(client())
          .withPartitionKey("invoice_no"))
      .withMaxBodyBytes(1 << 20).withMaxRows(500);

  static KinesisClient client() {
    KinesisClientBuilder b = KinesisClient.builder().httpClient(UrlConnectionHttpClient.create());
    String endpoint = System.getenv("LAKE_KINESIS_ENDPOINT");
    if (endpoint != null) {
      System.setProperty("aws.cborEnabled", "false"); // kinesalite speaks JSON only
      b.endpointOverride(URI.create(endpoint));
    }
    return b.build();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
    return ENDPOINT.handle(request, context);
  }
}
