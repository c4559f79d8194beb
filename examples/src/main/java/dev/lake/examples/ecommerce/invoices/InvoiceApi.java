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
 * 400 with the reason for a malformed id, 404 for an unknown one, 405 for another method. When the request carries
 * an authenticated customer identity, that customer sees only their own invoices and history (403 otherwise; an
 * invoice without a customer belongs to no one).
 *
 * <pre>{@code
 * InvoiceApi api = new InvoiceApi(new InvoiceService(client, "invoices"));
 * InvoiceApi.Response r = api.handle("GET", "/invoices/536365", Optional.empty());
 * System.out.println(r.status() + " " + r.body());
 * }</pre>
 */
public final class InvoiceApi {
  private static final Pattern INVOICE = Pattern.compile("/invoices/([^/]*)/?");
  private static final Pattern HISTORY = Pattern.compile("/customers/([^/]*)/invoices/?");
  private static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]{1,12}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

  private final InvoiceService service;

  public InvoiceApi(InvoiceService service) {
    this.service = service;
  }

  /**
   * A response: status and JSON body.
   *
   * <pre>{@code
   * if (response.status() == 200) send(response.body());
   * }</pre>
   */
  public record Response(int status, String body) {}

  /**
   * Answers one request.
   *
   * @param method the HTTP method
   * @param path the path, without query string or stage
   * @param customer the authenticated customer's id, or empty for an unauthenticated request
   */
  public Response handle(String method, String path, Optional<String> customer) {
    Matcher invoice = INVOICE.matcher(path == null ? "" : path);
    Matcher history = HISTORY.matcher(path == null ? "" : path);
    if (!invoice.matches() && !history.matches()) {
      return error(404, "No such resource: " + path + ". Try GET /invoices/{invoiceNo} or "
          + "GET /customers/{customerId}/invoices");
    }
    if (!"GET".equalsIgnoreCase(method)) {
      return error(405, "Method " + method + " is not allowed on " + path + "; use GET");
    }
    try {
      return invoice.matches() ? invoice(decode(invoice.group(1)), customer)
          : history(decode(history.group(1)), customer);
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    }
  }

  private Response invoice(String invoiceNo, Optional<String> customer) {
    Optional<Invoice> found = service.invoice(invoiceNo);
    if (found.isEmpty()) {
      return error(404, "No invoice " + invoiceNo);
    }
    Invoice inv = found.get();
    if (customer.isPresent() && (inv.customerId() == null || !customer.get().equals(inv.customerId().toString()))) {
      return error(403, "Invoice " + invoiceNo + " is not one of customer " + customer.get() + "'s invoices");
    }
    return ok(invoiceJson(inv));
  }

  private Response history(String customerId, Optional<String> customer) {
    if (!CUSTOMER_ID.matcher(customerId).matches()) {
      throw new IllegalArgumentException("Invalid customer id '" + customerId + "': expected digits, e.g. 17850");
    }
    if (customer.isPresent() && !customer.get().equals(customerId)) {
      return error(403, "Customer " + customer.get() + " may only read their own invoices, not " + customerId + "'s");
    }
    List<Invoice.Summary> invoices = service.purchaseHistory(Long.parseLong(customerId));
    if (invoices.isEmpty()) {
      return error(404, "No invoices for customer " + customerId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("customerId", Long.parseLong(customerId));
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

  private static String decode(String segment) {
    return java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Response ok(Object body) {
    return new Response(200, json(body));
  }

  private static Response error(int status, String message) {
    return new Response(status, json(Map.of("status", status, "error", message)));
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render a response: " + e.getMessage(), e);
    }
  }
}
