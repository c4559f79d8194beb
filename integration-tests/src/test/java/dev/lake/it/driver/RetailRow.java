package dev.lake.it.driver;

import dev.lake.Column;
import dev.lake.Decimal;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of {@code processed/online_retail}: the sale with the {@code year} and {@code month} of its invoice date, the
 * columns the dataset is partitioned by.
 *
 * <pre>{@code
 * RetailRow row = RetailRow.of(sale);   // row.year() == 2010, row.month() == 12
 * }</pre>
 *
 * @param invoiceNo the invoice number
 * @param stockCode the product code
 * @param description the product name
 * @param quantity units
 * @param invoiceDate when the invoice was made
 * @param unitPrice price per unit
 * @param customerId the customer, or null
 * @param country the customer's country
 * @param year the invoice date's year (a partition column)
 * @param month the invoice date's month, 1-12 (a partition column)
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

  /** The sale with its partition columns taken from the invoice date. */
  public static RetailRow of(RetailSale s) {
    return new RetailRow(s.invoiceNo(), s.stockCode(), s.description(), s.quantity(), s.invoiceDate(),
        s.unitPrice(), s.customerId(), s.country(), s.invoiceDate().getYear(), s.invoiceDate().getMonthValue());
  }
}
