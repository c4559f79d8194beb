package dev.lake.examples.ecommerce.invoices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invoice HTTP API, independent of how requests arrive (API Gateway through {@link InvoiceLambda}, or the local
 * {@link InvoiceServer}):
 * <ul>
 *   <li>{@code GET /invoices/{invoiceNo}}: the invoice with its lines;
 *   <li>{@code GET /customers/{customerId}/invoices}: the customer's invoices, oldest first.
 * </ul>
 * It denies by default. A request without a verified identity ({@link Caller#anonymous()}) gets 401 on every path. A
 * customer reads their own invoices and history; any other invoice, an invoice without a customer and another
 * customer's history answer 404 with the same body as one that does not exist, so no answer tells which invoice
 * numbers are in use. The admin scope ({@link Caller#ADMIN_GROUP}) reads everything. {@code HEAD} answers as
 * {@code GET} without a body; other methods 405 with {@code Allow}. Paths and ids are length-checked before they are
 * decoded or looked up (400, or 414 for a path over {@value #MAX_PATH} characters), and no answer repeats more than
 * {@value #MAX_ID} characters of what was sent.
 *
 * <pre>{@code
 * InvoiceApi api = new InvoiceApi(new InvoiceService(client, "invoices"));
 * InvoiceApi.Response r = api.handle("GET", "/invoices/536365", Caller.customer("17850"));
 * System.out.println(r.status() + " " + r.body());
 * }</pre>
 */
public final class InvoiceApi {
  /** The longest path answered (longer: 414). */
  static final int MAX_PATH = 256;
  /** The longest id segment looked at (longer: 400 without repeating it). */
  static final int MAX_ID = 32;
  private static final Pattern INVOICE = Pattern.compile("/invoices/([^/]*)/?");
  private static final Pattern HISTORY = Pattern.compile("/customers/([^/]*)/invoices/?");
  private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

  private final InvoiceService service;

  public InvoiceApi(InvoiceService service) {
    this.service = service;
  }

  /**
   * A response: status, JSON body (empty for {@code HEAD}) and headers ({@code Content-Type}; {@code Allow} with
   * 405, {@code WWW-Authenticate} with 401).
   *
   * <pre>{@code
   * if (response.status() == 200) send(response.headers(), response.body());
   * }</pre>
   */
  public record Response(int status, String body, Map<String, String> headers) {
    public Response {
      headers = Map.copyOf(headers);
    }

    Response withoutBody() {
      return new Response(status, "", headers);
    }
  }

  /**
   * Answers one request.
   *
   * @param method the HTTP method
   * @param path the raw (still percent-encoded) path, without query string or stage
   * @param caller who the authorizer verified the caller to be; {@link Caller#anonymous()} when nothing did
   */
  public Response handle(String method, String path, Caller caller) {
    Response r = route(method, path == null ? "" : path, caller == null ? Caller.anonymous() : caller);
    return "HEAD".equalsIgnoreCase(method) ? r.withoutBody() : r;
  }

  private Response route(String method, String path, Caller caller) {
    if (path.length() > MAX_PATH) {
      return error(414, "The path has " + path.length() + " characters; at most " + MAX_PATH + " are answered");
    }
    if (caller.kind() == Caller.Kind.ANONYMOUS) {
      return new Response(401, json(Map.of("status", 401, "error", "No verified identity: call through an "
          + "authorizer that sets the customer's id (Cognito claim " + GatewayCallers.CUSTOMER_CLAIM
          + ", or Lambda authorizer context " + GatewayCallers.CONTEXT_CUSTOMER + ")")),
          Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer"));
    }
    Matcher invoice = INVOICE.matcher(path);
    Matcher history = HISTORY.matcher(path);
    if (!invoice.matches() && !history.matches()) {
      return error(404, "No such resource: " + shown(path) + ". Try GET /invoices/{invoiceNo} or "
          + "GET /customers/{customerId}/invoices");
    }
    if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
      return new Response(405, json(Map.of("status", 405, "error", "Method " + shown(String.valueOf(method))
          + " is not allowed here; use GET or HEAD")), Map.of("Content-Type", "application/json",
          "Allow", "GET, HEAD"));
    }
    try {
      return invoice.matches() ? invoice(id(invoice.group(1), "invoice number"), caller)
          : history(id(history.group(1), "customer id"), caller);
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    }
  }

  /** A path segment, length-checked before it is decoded. */
  private static String id(String raw, String what) {
    if (raw.length() > MAX_ID) {
      throw new IllegalArgumentException("Invalid " + what + " (" + raw.length() + " characters): at most "
          + MAX_ID);
    }
    return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
  }

  private Response invoice(String invoiceNo, Caller caller) {
    Optional<Invoice> found = service.invoice(invoiceNo);
    if (found.isEmpty() || !caller.mayRead(found.get().customerId())) {
      return error(404, "No invoice " + invoiceNo); // the same answer either way: no existence oracle
    }
    return ok(invoiceJson(found.get()));
  }

  private Response history(String customerId, Caller caller) {
    if (!Caller.CUSTOMER_ID.matcher(customerId).matches()) {
      throw new IllegalArgumentException("Invalid customer id '" + customerId + "': expected digits, e.g. 17850");
    }
    long id = Long.parseLong(customerId);
    List<Invoice.Summary> invoices = caller.mayRead(id) ? service.purchaseHistory(id) : List.of();
    if (invoices.isEmpty()) {
      return error(404, "No invoices for customer " + customerId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("customerId", id);
    body.put("invoices", invoices.stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("invoiceNo", s.invoiceNo());
      m.put("invoiceDate", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(s.invoiceDate()));
      m.put("cancellation", s.cancellation());
      m.put("lines", s.lines());
      m.put("total", s.total());
      return m;
    }).toList());
    return ok(body);
  }

  /** What an answer may repeat of the request: at most {@value #MAX_ID} characters. */
  private static String shown(String s) {
    return s.length() <= MAX_ID ? s : s.substring(0, MAX_ID) + "… (" + s.length() + " characters)";
  }

  private static Map<String, Object> invoiceJson(Invoice inv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("invoiceNo", inv.invoiceNo());
    m.put("invoiceDate", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(inv.invoiceDate()));
    m.put("customerId", inv.customerId());
    m.put("country", inv.country());
    m.put("cancellation", inv.cancellation());
    m.put("total", inv.total());
    m.put("lines", inv.lines().stream().map(l -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("line", l.line());
      line.put("stockCode", l.stockCode());
      line.put("description", l.description());
      line.put("quantity", l.quantity());
      line.put("unitPrice", l.unitPrice());
      return line;
    }).toList());
    return m;
  }

  private static Response ok(Object body) {
    return new Response(200, json(body), JSON_TYPE);
  }

  private static Response error(int status, String message) {
    return new Response(status, json(Map.of("status", status, "error", message)), JSON_TYPE);
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render a response: " + e.getMessage(), e);
    }
  }
}
