package dev.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.exceptions.SchemaException;
import dev.lake.internal.format.JsonRows;
import dev.lake.internal.values.Values;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * Conversions between row objects: Java records and Avro {@code GenericRecord}s (the generic row for dynamic data).
 *
 * <pre>{@code
 * // given: GenericRecord genericRow
 * GenericData model = Rows.model(Sale.class);          // reads Sale fields by name, for the writers
 * Sale sale = Rows.toRecord(genericRow, Sale.class);   // generic row -> record
 * GenericRecord g = Rows.toGeneric(sale);              // record -> generic row
 * RowFactory<Sale> f = Rows.factory(Sale.class, g.getSchema());
 * Sale copy = f.create(g.getSchema().getFields().stream().map(field -> g.get(field.pos())).toArray());
 * }</pre>
 */
public final class Rows {
  private static final ClassValue<GenericData> MODELS = new ClassValue<>() {
    @Override
    protected GenericData computeValue(Class<?> type) {
      return new RowModel();
    }
  };

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    RecordModel.install(); // for the engine's code that meets Java records (RecordRows.installed())
  }

  private Rows() {}

  /**
   * A model that reads fields of rows of {@code type} by name ({@code getField(row, name, pos)} ignores {@code pos})
   * and knows the logical-type conversions. For {@code GenericRecord.class} it reads generic rows by name. Pass it to
   * {@code GenericDatumWriter} or {@code AvroParquetWriter.Builder.withDataModel}; it is cached and thread-safe.
   */
  public static GenericData model(Class<?> type) {
    Objects.requireNonNull(type, "type");
    if (!IndexedRecord.class.isAssignableFrom(type)) {
      RecordSchemas.of(type); // a record class we can map, or a SchemaException saying why not
    }
    return MODELS.get(type);
  }

  /**
   * Builds rows of {@code type} from values given in the order of {@code schema}'s fields, matched to components by
   * name. Components without a field get null, 0 or false; fields without a component are ignored. Numbers are
   * narrowed or widened to the component's type when they fit, strings become enums, generic rows nested records.
   * For {@code GenericRecord.class} the factory makes {@code GenericData.Record}s of {@code schema}. Prepare a factory
   * once and reuse it: it does no reflection per row. It copies the values into the row and keeps no reference to the
   * array, so a caller may fill the same array again for the next row.
   *
   * @throws SchemaException from {@code create} when a value does not fit its component, or is null for a primitive
   */
  public static <T> RowFactory<T> factory(Class<T> type, Schema schema) {
    return RowFactories.create(type, schema);
  }

  /** Converts a generic row to a record of {@code type}, matching fields by name (nested records too). */
  public static <T> T toRecord(GenericRecord row, Class<T> type) {
    return GenericRows.toRecord(row, type);
  }

  /**
   * Converts a Java record (or returns a GenericRecord as it is) to a generic row of {@link Schemas#of} its class.
   * Logical values stay Java values (Instant, LocalDate, BigDecimal...); nested records become generic rows, enums
   * enum symbols, {@code byte[]} a ByteBuffer.
   */
  public static GenericRecord toGeneric(Object row) {
    return GenericRows.toGeneric(row);
  }

  /** The schema of a row object: its own for a GenericRecord, {@link Schemas#of} its class otherwise. */
  public static Schema schemaOf(Object row) {
    Objects.requireNonNull(row, "row");
    return row instanceof GenericContainer generic ? generic.getSchema() : Schemas.of(row.getClass());
  }
  /**
   * A row (Java record or {@code GenericRecord}) as one line of JSON, rendered as the lake's JSON Lines files render
   * it: timestamps ISO-8601, decimals exact, bytes base64, nested records as objects.
   *
   * <pre>{@code
   * String json = Rows.toJson(sale);   // {"invoice_no":"536365","quantity":6,"invoice_date":"2010-12-01T08:26:00",...}
   * }</pre>
   *
   * @throws SchemaException when a value does not fit the row's schema
   */
  public static String toJson(Object row) {
    Objects.requireNonNull(row, "row");
    if (row instanceof GenericRecord g) {
      return JsonRows.toJson(g, g.getSchema(), model(GenericRecord.class));
    }
    return JsonRows.toJson(row, Schemas.of(row.getClass()), model(row.getClass()));
  }
  /**
   * Parses one JSON object into a record of {@code type}, leniently where nothing is lost (a numeric string into a
   * number field, ISO-8601 text into a timestamp); unknown keys are ignored. The reverse of {@link #toJson}.
   *
   * <pre>{@code
   * Sale sale = Rows.fromJson("{\"invoice_no\":\"536365\",\"quantity\":6}", Sale.class);
   * }</pre>
   *
   * @throws SchemaException when the text is not a JSON object or a value does not fit its field (named)
   */
  public static <T> T fromJson(String json, Class<T> type) {
    Objects.requireNonNull(type, "type");
    return toRecord(fromJson(json, Schemas.of(type)), type);
  }

  /**
   * Parses one JSON object into a generic row of {@code schema}.
   *
   * <pre>{@code
   * GenericRecord row = Rows.fromJson(line, schema);
   * }</pre>
   *
   * @throws SchemaException when the text is not a JSON object or a value does not fit its field (named)
   */
  public static GenericRecord fromJson(String json, Schema schema) {
    Objects.requireNonNull(json, "json");
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SchemaException("Malformed JSON: " + e.getOriginalMessage() + " at character "
          + e.getLocation().getCharOffset(), e);
    }
    if (node == null || !node.isObject()) {
      throw new SchemaException("Expected a JSON object but was " + (node == null ? "nothing" : node.getNodeType()));
    }
    try {
      return (GenericRecord) Values.fromJson(node, schema);
    } catch (IllegalArgumentException e) {
      throw new SchemaException(e.getMessage(), e); // "Expected a timestamp but was 'x' at items[2].at"
    }
  }
}
