package dev.lake.examples.ecommerce.invoices;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One invoice: its lines in order and what they add up to.
 *
 * <pre>{@code
 * Invoice invoice = service.invoice("536365").orElseThrow();
 * BigDecimal total = invoice.total();
 * }</pre>
 *
 * @param invoiceNo the invoice number ("C..." for a cancellation)
 * @param invoiceDate when it was issued
 * @param customerId the customer, or null for an anonymous sale
 * @param country the customer's country
 * @param cancellation whether it cancels an earlier invoice
 * @param total the sum of quantity times unit price over the lines
 * @param lines the lines, by line number
 */
public record Invoice(String invoiceNo, LocalDateTime invoiceDate, Long customerId, String country,
    boolean cancellation, BigDecimal total, List<InvoiceLine> lines) {

  static Invoice of(List<InvoiceLine> lines) {
    InvoiceLine first = lines.get(0);
    BigDecimal total = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Invoice(first.invoiceNo(), first.invoiceDate(), first.customerId(), first.country(),
        first.cancellation(), total, List.copyOf(lines));
  }

  /** The invoice without its lines, for a purchase history. */
  public Summary summary() {
    return new Summary(invoiceNo, invoiceDate, cancellation, lines.size(), total);
  }

  /**
   * An invoice in a customer's purchase history.
   *
   * <pre>{@code
   * for (Invoice.Summary s : service.purchaseHistory(17850L)) System.out.println(s.invoiceNo() + " " + s.total());
   * }</pre>
   */
  public record Summary(String invoiceNo, LocalDateTime invoiceDate, boolean cancellation, int lines,
      BigDecimal total) {}
}
