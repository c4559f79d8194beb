package dev.lake.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.internal.values.Names;
import dev.lake.internal.values.Values;
import org.apache.avro.Schema;

/**
 * How a source puts its input into a schema's fields, by the rules Lake's own sources follow: a column or key matches
 * a field whose name is the same once {@linkplain #normalisedName normalised}, and text or JSON becomes the Java value
 * the field's Avro schema calls for (Long, Integer, Double, Float, Boolean, String, Instant, LocalDate,
 * LocalDateTime, LocalTime, BigDecimal, ByteBuffer, List, Map, GenericRecord). Conversions fail with an
 * {@link IllegalArgumentException} saying what was expected and what was found ({@code Expected a long but was
 * 'abc'}); the source adds the field's name and the position and rejects the row.
 *
 * <pre>{@code
 * // given: Schema nullableLong, Schema listOfInts
 * import com.fasterxml.jackson.databind.ObjectMapper;
 * Fields.normalisedName("Invoice No");                      // "invoiceno", as "invoice_no" and "invoiceNo"
 * Fields.parse("17850.0", Schema.create(Schema.Type.LONG)); // 17850L
 * Fields.parse("", nullableLong);                           // null: empty text is null when the field is nullable
 * Fields.fromJson(new ObjectMapper().readTree("[1, 2]"), listOfInts);   // List.of(1, 2)
 * Fields.cast("12", Schema.create(Schema.Type.LONG));       // 12L
 * }</pre>
 */
public final class Fields {
  private Fields() {}

  /**
   * The form in which a column or key name matches a field's: letters and digits only, lower case ("InvoiceNo",
   * "invoice_no" and "invoiceNo" are all "invoiceno").
   */
  public static String normalisedName(String name) {
    return Names.normalise(name);
  }

  /**
   * Text (a CSV field) as a value of {@code schema}: empty text is null for nullable schemas; numbers go into integer
   * types only when integral ({@code "17850.0"} is 17850L); timestamps take ISO-8601 with or without a zone
   * ({@code "2010-12-01 08:26:00"} is read as UTC) or epoch milliseconds; bytes are base64; arrays, maps and records
   * are read from JSON text.
   *
   * @throws IllegalArgumentException when the text is not a value of the schema
   */
  public static Object parse(String text, Schema schema) {
    return Values.parse(text, schema);
  }

  /**
   * {@link #parse(String, Schema)} of {@code text.substring(from, to)} (a field within a line): the same value or the
   * same error, plain numbers read in place without the substring.
   */
  public static Object parse(String text, int from, int to, Schema schema) {
    return Values.parse(text, from, to, schema);
  }

  /** A JSON node as a value of {@code schema}; JSON null and a missing node are null. */
  public static Object fromJson(JsonNode node, Schema schema) {
    return Values.fromJson(node, schema);
  }

  /** A value of any supported Java type as a value of {@code schema} (e.g. "12" to 12L, 1.5 to "1.5"). */
  public static Object cast(Object value, Schema schema) {
    return Values.cast(value, schema);
  }
}
