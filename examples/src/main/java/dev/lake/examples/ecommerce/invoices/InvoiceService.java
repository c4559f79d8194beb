package dev.lake.examples.ecommerce.invoices;

import dev.lake.sink.dynamodb.DynamoDbQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Invoice lookups over the {@link InvoiceTable}: one invoice by number (a Query on its partition), and a customer's
 * purchase history (a Query on the {@code by_customer} index, lines grouped into invoices, oldest first).
 *
 * <pre>{@code
 * InvoiceService service = new InvoiceService(client, "invoices");
 * Optional<Invoice> invoice = service.invoice("C536379");
 * List<Invoice.Summary> history = service.purchaseHistory(17850L);
 * }</pre>
 */
public final class InvoiceService {
  /** Online Retail invoice numbers: six digits, 'C' before a cancellation, 'A' before a bad-debt adjustment. */
  public static final Pattern INVOICE_NO = Pattern.compile("[AC]?[0-9]{6}");

  private final DynamoDbClient client;
  private final String table;

  public InvoiceService(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /**
   * The invoice numbered {@code invoiceNo}, or empty if there is none.
   *
   * @throws IllegalArgumentException if {@code invoiceNo} is not an invoice number
   */
  public Optional<Invoice> invoice(String invoiceNo) {
    if (invoiceNo == null || !INVOICE_NO.matcher(invoiceNo).matches()) {
      throw new IllegalArgumentException("Invalid invoice number '" + invoiceNo + "': expected six digits, "
          + "optionally after C (cancellation) or A (adjustment), e.g. 536365 or C536379");
    }
    List<InvoiceLine> lines = DynamoDbQuery.of(client, table, InvoiceLine.class).partitionKey(invoiceNo).list();
    return lines.isEmpty() ? Optional.empty() : Optional.of(Invoice.of(lines));
  }

  /** The customer's invoices, oldest first; empty for an unknown customer. */
  public List<Invoice.Summary> purchaseHistory(long customerId) {
    Map<String, List<InvoiceLine>> byInvoice = new LinkedHashMap<>();
    DynamoDbQuery.of(client, table, InvoiceLine.class).index(InvoiceTable.BY_CUSTOMER).partitionKey(customerId)
        .forEach(l -> byInvoice.computeIfAbsent(l.invoiceNo(), k -> new ArrayList<>()).add(l));
    List<Invoice.Summary> out = new ArrayList<>();
    for (List<InvoiceLine> lines : byInvoice.values()) {
      lines.sort(java.util.Comparator.comparingInt(InvoiceLine::line));
      out.add(Invoice.of(lines).summary());
    }
    return out;
  }
}
