package dev.lake.cli.lakes.retail;

import dev.lake.Column;
import dev.lake.Decimal;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of {@code processed/online_retail}: the sale with the {@code year} and {@code month} it is partitioned by.
 *
 * <pre>{@code
 * RetailRow row = RetailRow.of(sale);   // row.year() == 2010, row.month() == 12
 * }</pre>
 */
public record RetailRow(
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

  /** The sale, with its partition columns taken from the invoice date. */
  public static RetailRow of(Sale s) {
    return new RetailRow(s.invoiceNo(), s.stockCode(), s.description(), s.quantity(), s.invoiceDate(),
        s.unitPrice(), s.customerId(), s.country(), s.invoiceDate().getYear(), s.invoiceDate().getMonthValue());
  }
}
