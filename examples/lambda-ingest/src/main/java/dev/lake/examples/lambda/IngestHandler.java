package dev.lake.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.lambda.FunctionPermissions;
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
 *
 * <p>It writes no table, so {@code LAKE_FORMAT}, which the other examples' handlers read, does not apply: set to
 * anything but {@code parquet} (e.g. {@code iceberg}) the function fails at initialisation saying so. The rows land
 * in the lake, or in an Iceberg table, through the stream's consumer (a pipeline from {@code KinesisSource}).
 */
public final class IngestHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  /** The function name the policy's log group is for ({@code /aws/lambda/lake-ingest}). */
  public static final String FUNCTION_NAME = "lake-ingest";
  /** Checked first, when the class initialises: a {@code LAKE_FORMAT} this handler cannot honour fails the init. */
  private static final String FORMAT = checkFormat(System.getenv("LAKE_FORMAT"));
  /** Built once, when the class initialises (in Lambda's init phase). */
  static final KinesisSink<Sale> SINK = sink(env("LAKE_STREAM", "sales"), client());
  static final IngestEndpoint<Sale> ENDPOINT = endpoint(SINK);

  private final KinesisSink<Sale> sink;
  private final IngestEndpoint<Sale> endpoint;

  /** The handler Lambda instantiates: the stream {@code LAKE_STREAM} through the client built at class init. */
  public IngestHandler() {
    this(SINK, ENDPOINT);
  }

  /** A handler writing to {@code stream} through {@code client} (tests, a local Kinesis). */
  IngestHandler(String stream, KinesisClient client) {
    this(sink(stream, client), null);
  }

  private IngestHandler(KinesisSink<Sale> sink, IngestEndpoint<Sale> endpoint) {
    this.sink = sink;
    this.endpoint = endpoint != null ? endpoint : endpoint(sink);
  }

  private static KinesisSink<Sale> sink(String stream, KinesisClient client) {
    return KinesisSink.<Sale>toStream(stream).withClient(client).withPartitionKey("invoice_no");
  }

  private static IngestEndpoint<Sale> endpoint(KinesisSink<Sale> sink) {
    return IngestEndpoint.of(Sale.class).to(sink).withMaxBodyBytes(1 << 20).withMaxRows(500);
  }

  /**
   * The least-privilege policy of the function's role, generated: the Kinesis sink's grant on its stream (in the
   * client's region) and the function's own log streams. {@code iam-policy.json} is this policy for stream
   * {@code sales}, region {@code us-east-1}, account {@code 123456789012}; {@code IamPolicyFileTest} keeps it in step.
   */
  public IamPolicy requiredPermissions(IamScope scope, String functionName) {
    return sink.permissions(scope).and(FunctionPermissions.logs(functionName, scope));
  }

  /**
   * {@code LAKE_FORMAT} unset, blank or {@code parquet} is returned; any other value fails naming it and where the
   * format is chosen instead: the handler puts rows on a stream, it writes no table.
   */
  static String checkFormat(String format) {
    if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("parquet")) {
      return format;
    }
    throw new IllegalStateException("LAKE_FORMAT=" + format.strip() + " does not apply to the ingest handler: it "
        + "puts each request's rows on the Kinesis stream and writes no table. Choose the format where the stream "
        + "is consumed (a pipeline from KinesisSource into the lake or an IcebergSink) and unset LAKE_FORMAT here");
  }

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
    return endpoint.handle(request, context);
  }
}
