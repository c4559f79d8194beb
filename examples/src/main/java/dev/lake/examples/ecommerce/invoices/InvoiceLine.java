package dev.lake.examples.ecommerce.invoices;

import dev.lake.Column;
import dev.lake.Decimal;
import dev.lake.examples.ecommerce.Sale;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One line of an invoice, as stored in the {@code invoices} table: partition key {@code invoice_no}, sort key
 * {@code line} (the line's number within its invoice, from 1, in the order of the source file), and the
 * {@code by_customer} index on {@code customer_id} and {@code invoice_date}. A line without a customer has no
 * {@code customer_id} attribute and so is not in the index.
 *
 * <pre>{@code
 * InvoiceLine l = InvoiceLine.of(sale, 1);
 * boolean cancelled = l.cancellation();   // invoice numbers starting with 'C'
 * }</pre>
 */
public record InvoiceLine(
    @Column("invoice_no") String invoiceNo,
    int line,
    @Column("stock_code") String stockCode,
    String description,
    int quantity,
    @Column("invoice_date") LocalDateTime invoiceDate,
    @Column("unit_price") @Decimal(precision = 10, scale = 3) BigDecimal unitPrice,
    @Column("customer_id") Long customerId,
    String country) {

  /** The line numbered {@code line} made of {@code sale}. */
  public static InvoiceLine of(Sale sale, int line) {
    return new InvoiceLine(sale.invoiceNo(), line, sale.stockCode(), sale.description(), sale.quantity(),
        sale.invoiceDate(), sale.unitPrice(), sale.customerId(), sale.country());
  }

  /** Whether the line belongs to a cancellation (an invoice number starting with 'C'). */
  public boolean cancellation() {
    return invoiceNo.startsWith("C");
  }

  /** Quantity times unit price (negative for cancellations). */
  public BigDecimal amount() {
    return unitPrice == null ? BigDecimal.ZERO : unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
