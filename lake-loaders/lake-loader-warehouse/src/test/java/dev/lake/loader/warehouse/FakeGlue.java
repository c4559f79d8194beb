package dev.lake.loader.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * A local server speaking Glue's JSON 1.1 protocol ({@code X-Amz-Target: AWSGlue.*}) as far as
 * {@code registerInGlue} needs: a database or table exists after its first creation (a second one answers
 * AlreadyExistsException), a partition likewise (reported in BatchCreatePartition's Errors). Every request body is
 * kept with its target in {@code _target}.
 */
final class FakeGlue implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final List<JsonNode> calls = new CopyOnWriteArrayList<>();
  private final Set<String> existing = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  FakeGlue() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A client of this server whose calls also go through {@code interceptor} (a call recorder). */
  GlueClient client(ExecutionInterceptor interceptor) {
    return GlueClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKE", "fake")))
        .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
  }

  GlueClient client() {
    return client(new ExecutionInterceptor() {});
  }

  private void handle(HttpExchange ex) throws IOException {
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    ObjectNode body = (ObjectNode) JSON.readTree(ex.getRequestBody().readAllBytes());
    body.put("_target", target);
    calls.add(body);
    ObjectNode out = JSON.createObjectNode();
    int status = 200;
    if ((target.endsWith("CreateDatabase") || target.endsWith("CreateTable")) && !existing.add(target)) {
      status = 400;
      out.put("__type", "AlreadyExistsException").put("Message", "exists");
    } else if (target.endsWith("BatchCreatePartition")) {
      ArrayNode errors = out.putArray("Errors");
      for (JsonNode p : body.get("PartitionInputList")) {
        if (!existing.add(p.get("Values").toString())) {
          ObjectNode e = errors.addObject();
          e.putArray("PartitionValues").addAll((ArrayNode) p.get("Values"));
          e.putObject("ErrorDetail").put("ErrorCode", "AlreadyExistsException").put("ErrorMessage", "exists");
        }
      }
    }
    byte[] bytes = JSON.writeValueAsBytes(out);
    ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
