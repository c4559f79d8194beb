package dev.lake.cli.lakes.retail;

import dev.lake.Column;
import dev.lake.Decimal;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One line of an Online Retail invoice as it appears in the CSV files
 * ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}). Header names are
 * matched to fields ignoring case and underscores, so {@code InvoiceNo} fills {@code invoice_no}.
 *
 * <pre>{@code
 * Source<Sale> sales = CsvSource.of(Sale.class).from("data/online_retail/by-day/*.csv.gz");
 * }</pre>
 *
 * @param invoiceNo the invoice number; a leading 'C' marks a cancellation
 * @param stockCode the product code
 * @param description the product name (may be empty)
 * @param quantity units; negative for cancellations
 * @param invoiceDate when the invoice was made, UK local time
 * @param unitPrice price per unit in pounds sterling
 * @param customerId the customer, or null for guests
 * @param country the customer's country
 */
public record Sale(
    @Column("invoice_no") String invoiceNo,
    @Column("stock_code") String stockCode,
    String description,
    int quantity,
    @Column("invoice_date") LocalDateTime invoiceDate,
    @Column("unit_price") @Decimal(precision = 10, scale = 3) BigDecimal unitPrice,
    @Column("customer_id") Long customerId,
    String country) {}
