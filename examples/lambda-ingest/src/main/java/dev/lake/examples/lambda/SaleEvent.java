package dev.lake.examples.lambda;

import dev.lake.Column;
import dev.lake.Decimal;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One Online Retail invoice line as the ingest endpoint takes it (the columns of the e-commerce example's Sale). */
public record SaleEvent(
    @Column("invoice_no") String invoiceNo,
    @Column("stock_code") String stockCode,
    String description,
    int quantity,
    @Column("invoice_date") LocalDateTime invoiceDate,
    @Column("unit_price") @Decimal(precision = 10, scale = 3) BigDecimal unitPrice,
    @Column("customer_id") Long customerId,
    String country) {}
