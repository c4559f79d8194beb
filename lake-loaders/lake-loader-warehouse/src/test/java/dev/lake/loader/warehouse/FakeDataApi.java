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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/**
 * A local server speaking the Redshift Data API's JSON 1.1 protocol ({@code X-Amz-Target: RedshiftData.*}):
 * statements are SUBMITTED, then STARTED, then FINISHED — or FAILED with the error {@link #failWhen} returns.
 * Query results come from {@link #results}. Every request is recorded.
 */
final class FakeDataApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Call(String target, JsonNode body) {}

  private record Stmt(List<String> sqls, String error, AtomicInteger polls, String session) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Returns an error message for a statement that should fail, or null. */
  volatile Function<String, String> failWhen = sql -> null;
  /** Rows (each a list of values, null for SQL NULL) for a query, by a substring of its SQL. */
  final Map<String, List<List<Object>>> results = new ConcurrentHashMap<>();
  /** Polls a statement answers SUBMITTED / STARTED before it ends (2: both; 0: it ends at the first poll). */
  volatile int pendingPolls = 2;

  /** Forgets the calls and results of the test before: no failures, {@code polls} polls before a statement ends. */
  void reset(int polls) {
    calls.clear();
    results.clear();
    failWhen = sql -> null;
    pendingPolls = polls;
  }

  private final Map<String, Stmt> statements = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final HttpServer server;

  FakeDataApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  RedshiftDataClient client() {
    return client(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {});
  }

  /** A client of this server whose calls also go through {@code interceptor} (a call recorder). */
  RedshiftDataClient client(software.amazon.awssdk.core.interceptor.ExecutionInterceptor interceptor) {
    return RedshiftDataClient.builder()
        .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKE", "fake")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  RedshiftDataApi api(RedshiftDataClient client) {
    return RedshiftDataApi.builder().client(client).clusterIdentifier("c1").database("dev").dbUser("loader")
        .pollInterval(Duration.ofMillis(5)).maxPollInterval(Duration.ofMillis(20)).build();
  }

  /** Every SQL text submitted, in order (batch statements flattened). */
  List<String> submitted() {
    List<String> out = new ArrayList<>();
    for (Call c : calls) {
      if (c.target().endsWith("ExecuteStatement") && c.body().has("Sql")) {
        out.add(c.body().get("Sql").asText());
      } else if (c.target().endsWith("BatchExecuteStatement")) {
        c.body().get("Sqls").forEach(s -> out.add(s.asText()));
      }
    }
    return out;
  }

  long count(String target) {
    return calls.stream().filter(c -> c.target().equals("RedshiftData." + target)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
    calls.add(new Call(target, body));
    ObjectNode out = JSON.createObjectNode();
    int status = 200;
    switch (target == null ? "" : target) {
      case "RedshiftData.ExecuteStatement", "RedshiftData.BatchExecuteStatement" -> {
        List<String> sqls = new ArrayList<>();
        if (body.has("Sqls")) {
          body.get("Sqls").forEach(s -> sqls.add(s.asText()));
        } else {
          sqls.add(body.get("Sql").asText());
        }
        String error = sqls.stream().map(failWhen).filter(e -> e != null).findFirst().orElse(null);
        String id = "stmt-" + ids.incrementAndGet();
        String session = body.has("SessionId") ? body.get("SessionId").asText()
            : body.has("SessionKeepAliveSeconds") ? "session-" + id : null;
        statements.put(id, new Stmt(sqls, error, new AtomicInteger(), session));
        out.put("Id", id).put("Database", "dev");
        if (session != null) {
          out.put("SessionId", session);
        }
      }
      case "RedshiftData.DescribeStatement" -> {
        Stmt s = statements.get(body.get("Id").asText());
        int poll = s.polls().incrementAndGet();
        String st = poll <= pendingPolls ? (poll == 1 ? "SUBMITTED" : "STARTED")
            : s.error() != null ? "FAILED" : "FINISHED";
        out.put("Id", body.get("Id").asText()).put("Status", st).put("QueryString", s.sqls().get(0))
            .put("HasResultSet", st.equals("FINISHED") && rows(s.sqls().get(0)) != null);
        if (st.equals("FAILED")) {
          out.put("Error", s.error());
        }
        if (s.session() != null) {
          out.put("SessionId", s.session());
        }
      }
      case "RedshiftData.GetStatementResult" -> {
        Stmt s = statements.get(body.get("Id").asText());
        ArrayNode records = out.putArray("Records");
        for (List<Object> row : rows(s.sqls().get(0))) {
          ArrayNode r = records.addArray();
          for (Object v : row) {
            ObjectNode f = r.addObject();
            if (v == null) {
              f.put("isNull", true);
            } else if (v instanceof Number n) {
              f.put("longValue", n.longValue());
            } else {
              f.put("stringValue", v.toString());
            }
          }
        }
        out.put("TotalNumRows", records.size());
      }
      default -> {
        status = 400;
        out.put("__type", "ValidationException").put("message", "Unknown target " + target);
      }
    }
    byte[] bytes = JSON.writeValueAsBytes(out);
    ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private List<List<Object>> rows(String sql) {
    return results.entrySet().stream().filter(e -> sql.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
        .orElse(sql.startsWith("SELECT") ? List.of() : null);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
