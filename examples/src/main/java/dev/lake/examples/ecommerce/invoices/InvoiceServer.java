package dev.lake.examples.ecommerce.invoices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The invoice API on a local HTTP server (JDK {@code HttpServer}) for the examples, on the loopback interface only.
 * A request names its caller with a bearer token ({@code Authorization: Bearer <token>}) that the server was given
 * with the {@link Caller} it stands for; a request without a known token is anonymous, so it gets 401, as through API
 * Gateway without an authorizer. Tokens are compared in constant time.
 *
 * <pre>{@code
 * String admin = InvoiceServer.newToken();
 * try (InvoiceServer server = InvoiceServer.start(api, 8080, Map.of(admin, Caller.admin("local")))) {
 *   // curl -H "Authorization: Bearer $ADMIN" http://127.0.0.1:8080/invoices/536365
 * }
 * }</pre>
 */
public final class InvoiceServer implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServer server;

  private InvoiceServer(HttpServer server) {
    this.server = server;
  }

  /** A fresh random token (32 hex digits) to give a caller. */
  public static String newToken() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Starts serving {@code api} on 127.0.0.1:{@code port} (0 for a free port).
   *
   * @param tokens bearer token -> the caller it authenticates
   */
  public static InvoiceServer start(InvoiceApi api, int port, Map<String, Caller> tokens) throws IOException {
    Map<String, Caller> known = Map.copyOf(tokens);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", exchange -> respond(api, exchange, caller(exchange, known)));
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "invoice-api");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return new InvoiceServer(server);
  }

  private static Caller caller(HttpExchange exchange, Map<String, Caller> tokens) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Caller.anonymous();
    }
    byte[] sent = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    Caller found = Caller.anonymous();
    for (Map.Entry<String, Caller> e : tokens.entrySet()) { // every token compared: no timing tells which matched
      if (MessageDigest.isEqual(sent, e.getKey().getBytes(StandardCharsets.UTF_8))) {
        found = e.getValue();
      }
    }
    return found;
  }

  private static void respond(InvoiceApi api, HttpExchange exchange, Caller caller) throws IOException {
    InvoiceApi.Response r;
    try {
      r = api.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), caller);
    } catch (RuntimeException e) {
      r = new InvoiceApi.Response(500, "{\"status\": 500, \"error\": \"Internal error\"}",
          Map.of("Content-Type", "application/json"));
    }
    r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if ("HEAD".equalsIgnoreCase(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(r.status(), -1); // no body follows
      exchange.close();
      return;
    }
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(r.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
