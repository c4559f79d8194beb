package dev.lake;

/**
 * Builds rows of one type from field values in schema order, without reflection on the hot path.
 *
 * <pre>{@code
 * RowFactory<Sale> f = Rows.factory(Sale.class, Schemas.of(Sale.class));
 * Sale s = f.create(new Object[] {"536365", 6, Instant.now()});
 * }</pre>
 */
@FunctionalInterface
public interface RowFactory<T> {
  /**
   * A row from values in the schema's field order (Java values for logical types: Instant, LocalDate,
   * LocalDateTime, BigDecimal; String for strings; GenericRecord or the record type for nested records).
   */
  T create(Object[] values);
}
