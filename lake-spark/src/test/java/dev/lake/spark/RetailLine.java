package dev.lake.spark;

import dev.lake.Column;
import dev.lake.Decimal;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The tests' record of one line of the bundled Online Retail CSV files ({@code data/online_retail/by-day/}, see
 * {@code data/README.md}): {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}.
 * The tests' own, so that the runner is tested without the examples.
 *
 * <pre>{@code
 * Source<RetailLine> lines = CsvSource.of(RetailLine.class).from("data/online_retail/by-day/*.csv.gz");
 * }</pre>
 */
record RetailLine(
    @Column("invoice_no") String invoiceNo,
    @Column("stock_code") String stockCode,
    String description,
    int quantity,
    @Column("invoice_date") LocalDateTime invoiceDate,
    @Column("unit_price") @Decimal(precision = 10, scale = 3) BigDecimal unitPrice,
    @Column("customer_id") Long customerId,
    String country) {}
