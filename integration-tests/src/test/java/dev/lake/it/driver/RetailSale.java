package dev.lake.it.driver;

import dev.lake.Column;
import dev.lake.Decimal;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One line of an Online Retail day file ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,
 * CustomerID,Country}), this module's own copy: header names match the components ignoring case and underscores.
 *
 * <pre>{@code
 * Source<RetailSale> sales = CsvSource.of(RetailSale.class).from("../data/online_retail/by-day/2010-12-01.csv.gz");
 * }</pre>
 *
 * @param invoiceNo the invoice number ('C' first for a cancellation)
 * @param stockCode the product code
 * @param description the product name, may be empty
 * @param quantity units, negative for cancellations
 * @param invoiceDate when the invoice was made
 * @param unitPrice price per unit
 * @param customerId the customer ({@code 17850.0} in the file), or null
 * @param country the customer's country
 */
public record RetailSale(
    @Column("invoice_no") String invoiceNo,
    @Column("stock_code") String stockCode,
    String description,
    int quantity,
    @Column("invoice_date") LocalDateTime invoiceDate,
    @Column("unit_price") @Decimal(precision = 10, scale = 3) BigDecimal unitPrice,
    @Column("customer_id") Long customerId,
    String country) {}
