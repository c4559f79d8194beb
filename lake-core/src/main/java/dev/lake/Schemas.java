package dev.lake;

import dev.lake.internal.values.Nullability;
import org.apache.avro.Schema;

/**
 * Avro schemas for Java types. A record's schema is derived from its components: primitives and boxed types, String,
 * enums, nested records, {@code List}, {@code Map<String, V>}, {@code byte[]}, and the logical types
 * {@code Instant} (timestamp-micros), {@code LocalDate} (date), {@code LocalDateTime} (local-timestamp-micros) and
 * {@code LocalTime} (time-micros), {@code UUID} (uuid) and {@code BigDecimal} (decimal, precision and scale from
 * {@link Decimal}, 38 and 10 by default). Reference components are nullable (a union with null, default null);
 * primitives, collection elements and map values are not. Columns are named by {@link Column}. Record and enum names
 * are the simple class names, nested classes joined with '_', in the class's package as namespace.
 *
 * <pre>{@code
 * record Sale(@Column("invoice_no") String invoiceNo, int quantity, Instant at) {}
 * Schema schema = Schemas.of(Sale.class);
 * }</pre>
 */
public final class Schemas {
  static {
    RecordModel.install(); // for the engine's code that meets Java records (RecordRows.installed())
  }

  private Schemas() {}

  /**
   * The schema of a Java record class, derived once and cached. {@code GenericRecord} classes are refused: they carry
   * their own.
   *
   * @throws dev.lake.exceptions.SchemaException naming the class and the component path (e.g.
   *     {@code Fixture.teams.home}) when a component's type cannot be mapped
   */
  public static Schema of(Class<?> type) {
    return RecordSchemas.of(type);
  }

  /**
   * The one non-null branch of a nullable union ({@code ["null", T]} gives {@code T}); any other schema, including a
   * union of several non-null types, as it is. {@code null} gives {@code null}.
   *
   * <pre>{@code
   * Schema at = Schemas.nonNull(Schemas.of(Sale.class).getField("at").schema()); // timestamp-micros long
   * }</pre>
   */
  public static Schema nonNull(Schema schema) {
    return Nullability.nonNull(schema);
  }
}
