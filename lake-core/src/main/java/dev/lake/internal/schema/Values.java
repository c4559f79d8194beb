package dev.lake.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

/**
 * Parses and casts single values to the Java value an Avro schema calls for (Long, Integer, Double, Float, Boolean,
 * String, Instant, LocalDate, LocalDateTime, BigDecimal, ByteBuffer, List, Map, GenericRecord). Errors are
 * {@link IllegalArgumentException}s saying what was expected and what was found, e.g.
 * {@code Expected a long but was 'abc'}; callers add the field name and position.
 */
public final class Values {
  private Values() {}

  /** Parses text (a CSV field) into a value of {@code schema}; empty text is null for nullable schemas. */
  public static Object parse(String text, Schema schema) {
    throw new UnsupportedOperationException("TODO(sources)");
  }

  /** Converts a JSON node into a value of {@code schema}. */
  public static Object fromJson(JsonNode node, Schema schema) {
    throw new UnsupportedOperationException("TODO(sources)");
  }

  /** Casts a value of any supported Java type to {@code schema} (e.g. "12" to 12L, 1.5 to "1.5"). */
  public static Object cast(Object value, Schema schema) {
    throw new UnsupportedOperationException("TODO(sources)");
  }
}
