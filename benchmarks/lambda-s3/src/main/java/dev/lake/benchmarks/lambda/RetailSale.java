package dev.lake.benchmarks.lambda;

import dev.lake.Column;
import dev.lake.Decimal;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One Online Retail CSV line, as the handler reads it and writes it (with its year and month partition columns).
 * The same columns as the examples' {@code Sale} and {@code RetailRow}, kept here on purpose: the measured jar is
 * built from the published Lake modules alone, so its size and cold start stay comparable across revisions whatever
 * the examples' pipelines and row types become.
 *
 * <pre>{@code
 * CsvSource.of(RetailSale.Line.class).from(objects).map("partition", RetailSale::of)
 * }</pre>
 */
public record RetailSale(
    @Column("invoice_no") String invoiceNo,
    @Column("stock_code") String stockCode,
    String description,
    int quantity,
    @Column("invoice_date") LocalDateTime invoiceDate,
    @Column("unit_price") @Decimal(precision = 10, scale = 3) BigDecimal unitPrice,
    @Column("customer_id") Long customerId,
    String country,
    int year,
    int month) {

  /** The CSV line as read. */
  public record Line(
      @Column("invoice_no") String invoiceNo,
      @Column("stock_code") String stockCode,
      String description,
      int quantity,
      @Column("invoice_date") LocalDateTime invoiceDate,
      @Column("unit_price") @Decimal(precision = 10, scale = 3) BigDecimal unitPrice,
      @Column("customer_id") Long customerId,
      String country) {}

  /** The line with its partition columns taken from the invoice date. */
  public static RetailSale of(Line l) {
    return new RetailSale(l.invoiceNo(), l.stockCode(), l.description(), l.quantity(), l.invoiceDate(),
        l.unitPrice(), l.customerId(), l.country(), l.invoiceDate().getYear(), l.invoiceDate().getMonthValue());
  }
}
