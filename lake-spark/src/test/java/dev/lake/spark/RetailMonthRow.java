package dev.lake.spark;

import dev.lake.Column;
import dev.lake.Decimal;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A {@link RetailLine} with the {@code year} and {@code month} of its invoice date, the columns the tests partition by.
 *
 * <pre>{@code
 * RetailMonthRow row = RetailMonthRow.of(line);   // row.year() == 2010, row.month() == 12
 * }</pre>
 */
record RetailMonthRow(
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

  static RetailMonthRow of(RetailLine s) {
    return new RetailMonthRow(s.invoiceNo(), s.stockCode(), s.description(), s.quantity(), s.invoiceDate(),
        s.unitPrice(), s.customerId(), s.country(), s.invoiceDate().getYear(), s.invoiceDate().getMonthValue());
  }
}
