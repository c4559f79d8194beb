package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.lake.Rows;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.BadRow;
import dev.lake.io.CommitContext;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An HTTP ingest endpoint (API Gateway proxy integration): {@code POST} one JSON object or an array of them; every
 * row is validated against the row type's schema ({@link Rows#fromJson}) and, when all are valid, written to the
 * sink (a {@code KinesisSink}, usually) before the answer.
 *
 * <ul>
 *   <li>200 {@code {"accepted":n}} — every row was written</li>
 *   <li>400 {@code {"errors":[{"index":i,"reason":"..."}]}} — malformed JSON or invalid rows; nothing was written</li>
 *   <li>405 — not a POST; 413 — the body or the row count is over the limit; 503 — the sink failed or rejected rows
 *       ({@code {"accepted":n,"failed":[...]}}): retry those</li>
 * </ul>
 *
 * <pre>{@code
 * public final class Ingest implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
 *   private static final IngestEndpoint<Sale> ENDPOINT = IngestEndpoint.of(Sale.class)
 *       .to(KinesisSink.<Sale>toStream("sales").withClient(KinesisClient.create()).withPartitionKey("invoice_no"))
 *       .withMaxBodyBytes(1 << 20).withMaxRows(500);
 *
 *   public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
 *     return ENDPOINT.handle(request, context);
 *   }
 * }
 * }</pre>
 *
 * @param <T> the row type requests are validated against
 */
public final class IngestEndpoint<T> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

  private final Class<T> type;
  private final Sink<? super T> sink;
  private final int maxBodyBytes;
  private final int maxRows;

  private IngestEndpoint(Class<T> type, Sink<? super T> sink, int maxBodyBytes, int maxRows) {
    this.type = type;
    this.sink = sink;
    this.maxBodyBytes = maxBodyBytes;
    this.maxRows = maxRows;
  }

  /** An endpoint taking rows of {@code type}; set the sink with {@link #to}. Limits: 1 MiB, 500 rows. */
  public static <T> IngestEndpoint<T> of(Class<T> type) {
    return new IngestEndpoint<>(Objects.requireNonNull(type, "type"), null, 1 << 20, 500);
  }

  /** Where valid rows go. */
  public IngestEndpoint<T> to(Sink<? super T> target) {
    return new IngestEndpoint<>(type, Objects.requireNonNull(target, "sink"), maxBodyBytes, maxRows);
  }

  /** Bodies over this many bytes are refused with 413 (default 1 MiB; API Gateway's own limit is 10 MB). */
  public IngestEndpoint<T> withMaxBodyBytes(int bytes) {
    ValidationException.check(bytes >= 1, "withMaxBodyBytes needs at least 1 but got %s", bytes);
    return new IngestEndpoint<>(type, sink, bytes, maxRows);
  }

  /** Requests with more rows are refused with 413 (default 500). */
  public IngestEndpoint<T> withMaxRows(int rows) {
    ValidationException.check(rows >= 1, "withMaxRows needs at least 1 but got %s", rows);
    return new IngestEndpoint<>(type, sink, maxBodyBytes, rows);
  }

  /**
   * The IAM policy the endpoint's function needs: what its sink declares (see
   * {@link dev.lake.Pipeline#requiredPermissions(dev.lake.iam.IamScope)}).
   *
   * <pre>{@code
   * String json = endpoint.requiredPermissions(IamScope.of("eu-west-1", "123456789012")).toJson();
   * }</pre>
   */
  public dev.lake.iam.IamPolicy requiredPermissions(dev.lake.iam.IamScope scope) {
    ValidationException.check(sink != null, "IngestEndpoint has no sink: call .to(sink) first");
    return sink.permissions(scope);
  }

  /** Handles an API Gateway (REST or HTTP API, payload 1.0) proxy request. */
  public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent request, Context context) {
    String body = request.getBody() == null ? "" : request.getBody();
    byte[] bytes = Boolean.TRUE.equals(request.getIsBase64Encoded()) ? Base64.getDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
    String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId()
        : UUID.randomUUID().toString();
    Response r = handle(request.getHttpMethod(), bytes, requestId);
    return new APIGatewayProxyResponseEvent().withStatusCode(r.status()).withHeaders(HEADERS).withBody(r.body());
  }

  /**
   * The status and JSON body of the answer to an HTTP request.
   *
   * <pre>{@code
   * // given: IngestEndpoint<Sale> endpoint, byte[] body
   * Response r = endpoint.handle("POST", body, "req-1");
   * Response built = Response.of(200, "{\"accepted\":1}");
   * }</pre>
   *
   * <p>A final class with accessors rather than a record, so that a value added later (headers) is not a breaking
   * change: it would come with a {@code with*} copy, and {@link #of} would keep its meaning.
   */
  public static final class Response {
    private final int status;
    private final String body;

    private Response(int status, String body) {
      this.status = status;
      this.body = body;
    }

    /** An answer of {@code status} with the JSON {@code body}. */
    public static Response of(int status, String body) {
      return new Response(status, body);
    }

    /** The HTTP status. */
    public int status() {
      return status;
    }

    /** The JSON body. */
    public String body() {
      return body;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Response r && status == r.status && java.util.Objects.equals(body, r.body);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(status, body);
    }

    /** Status and body, named, as the record printed them. */
    @Override
    public String toString() {
      return "Response[status=" + status + ", body=" + body + "]";
    }
  }

  /** Handles a request given as method and body bytes (what {@link #serveLocally} and the Lambda adapter call). */
  public Response handle(String method, byte[] body, String requestId) {
    ValidationException.check(sink != null, "IngestEndpoint for %s has no sink: call to(sink)", type.getSimpleName());
    if (!"POST".equalsIgnoreCase(method)) {
      return error(405, "Use POST with one JSON object or an array of them, not " + method);
    }
    if (body.length > maxBodyBytes) {
      return error(413, String.format("The body of %,d bytes is over the limit of %,d bytes: send fewer rows per "
          + "request", body.length, maxBodyBytes));
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return errors(List.of(reason(-1, "Malformed JSON: " + e.getMessage().lines().findFirst().orElse(""))));
    }
    List<JsonNode> items = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(items::add);
    } else if (root != null && root.isObject()) {
      items.add(root);
    } else {
      return errors(List.of(reason(-1, "Expected a JSON object or an array of objects")));
    }
    if (items.size() > maxRows) {
      return error(413, String.format("%,d rows is over the limit of %,d per request", items.size(), maxRows));
    }
    List<T> rows = new ArrayList<>(items.size());
    List<ObjectNode> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        rows.add(Rows.fromJson(items.get(i).toString(), type));
      } catch (RuntimeException e) {
        errors.add(reason(i, e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      return errors(errors);
    }
    return write(rows, requestId);
  }

  private Response write(List<T> rows, String requestId) {
    List<BadRow> rejected = new ArrayList<>();
    String key = "ingest-" + requestId;
    try (SinkWriter<? super T> writer = open(key, rejected)) {
      @SuppressWarnings("unchecked")
      SinkWriter<T> w = (SinkWriter<T>) writer;
      for (T row : rows) {
        w.write(row);
      }
      var result = w.commit();
      sink.commit(List.of(result), CommitContext.of("ingest", key, requestId));
      ObjectNode out = JSON.createObjectNode().put("accepted", result.rows());
      if (rejected.isEmpty()) {
        return Response.of(200, out.toString());
      }
      ArrayNode failed = out.putArray("failed");
      rejected.forEach(b -> failed.addObject().put("reason", b.reason()).put("row", b.value()));
      return Response.of(503, out.toString());
    } catch (IOException | RuntimeException e) {
      return error(503, "Could not write the rows (" + e.getMessage() + "): retry the request");
    }
  }

  private SinkWriter<? super T> open(String key, List<BadRow> rejected) throws IOException {
    return sink.open(WriterContext.of(key, 0, rejected::add));
  }

  private static ObjectNode reason(int index, String reason) {
    ObjectNode n = JSON.createObjectNode();
    if (index >= 0) {
      n.put("index", index);
    }
    return n.put("reason", reason);
  }

  private static Response errors(List<ObjectNode> errors) {
    ObjectNode out = JSON.createObjectNode();
    out.putArray("errors").addAll(errors);
    return Response.of(400, out.toString());
  }

  private static Response error(int status, String message) {
    return Response.of(status, JSON.createObjectNode().put("error", message).toString());
  }

  /**
   * Serves this endpoint over plain HTTP on {@code address} (port 0: any free port), for local runs and tests: every
   * path takes the same requests as the Lambda. Stop it with {@code server.stop(0)}.
   *
   * <pre>{@code
   * HttpServer server = endpoint.serveLocally(new InetSocketAddress("127.0.0.1", 8080));
   * }</pre>
   */
  public HttpServer serveLocally(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(maxBodyBytes + 1);
      }
      Response r = handle(exchange.getRequestMethod(), body, UUID.randomUUID().toString());
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(r.status(), out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
      Thread t = new Thread(runnable, "lake-ingest");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return server;
  }
}
