package dev.lake.examples.ecommerce.invoices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The invoice API on a local HTTP server (JDK {@code HttpServer}) for the examples. It has no authentication: every
 * request is served as unauthenticated, so it binds to the loopback interface only.
 *
 * <pre>{@code
 * try (InvoiceServer server = InvoiceServer.start(api, 8080)) {
 *   // curl http://127.0.0.1:8080/invoices/536365
 * }
 * }</pre>
 */
public final class InvoiceServer implements AutoCloseable {
  private final HttpServer server;

  private InvoiceServer(HttpServer server) {
    this.server = server;
  }

  /** Starts serving {@code api} on 127.0.0.1:{@code port} (0 for a free port). */
  public static InvoiceServer start(InvoiceApi api, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", exchange -> respond(api, exchange));
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "invoice-api");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return new InvoiceServer(server);
  }

  private static void respond(InvoiceApi api, HttpExchange exchange) throws IOException {
    InvoiceApi.Response r;
    try {
      r = api.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), Optional.empty());
    } catch (RuntimeException e) {
      r = new InvoiceApi.Response(500, "{\"status\": 500, \"error\": \"Internal error\"}");
    }
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
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
