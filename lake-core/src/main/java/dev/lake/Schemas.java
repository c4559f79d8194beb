package dev.lake;

import org.apache.avro.Schema;

/**
 * Avro schemas for Java types. A record's schema is derived from its components: primitives and boxed types, String,
 * enums, nested records, {@code List}, {@code Map<String, V>}, {@code byte[]}, and the logical types
 * {@code Instant} (timestamp-micros), {@code LocalDate} (date), {@code LocalDateTime} (local-timestamp-micros) and
 * {@code BigDecimal} (decimal, precision and scale from {@link Decimal}). Reference types are nullable; primitives
 * are not.
 *
 * <pre>{@code
 * record Sale(@Column("invoice_no") String invoiceNo, int quantity, Instant at) {}
 * Schema schema = Schemas.of(Sale.class);
 * }</pre>
 */
public final class Schemas {
  private Schemas() {}

  /** The schema of a Java record class (or {@code GenericRecord} classes are refused: they carry their own). */
  public static Schema of(Class<?> type) {
    throw new UnsupportedOperationException("TODO(schema)");
  }
}
