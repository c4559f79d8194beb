package dev.lake;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Conversions between row objects: Java records and Avro {@code GenericRecord}s (the generic row for dynamic data).
 *
 * <pre>{@code
 * GenericData model = Rows.model(Sale.class);          // reads Sale fields by name, for the writers
 * Sale sale = Rows.toRecord(genericRow, Sale.class);   // generic row -> record
 * GenericRecord g = Rows.toGeneric(sale);              // record -> generic row
 * RowFactory<Sale> f = Rows.factory(Sale.class, schema);
 * Sale s = f.create(new Object[] {"536365", 6, Instant.now()});
 * }</pre>
 */
public final class Rows {
  private Rows() {}

  /**
   * A model that reads fields of rows of {@code type} by name ({@code getField(row, name, pos)} ignores {@code pos})
   * and knows the logical-type conversions. For {@code GenericRecord.class} it reads generic rows by name.
   */
  public static GenericData model(Class<?> type) {
    throw new UnsupportedOperationException("TODO(schema)");
  }

  /** Builds rows of {@code type} from values given in the order of {@code schema}'s fields. */
  public static <T> RowFactory<T> factory(Class<T> type, Schema schema) {
    throw new UnsupportedOperationException("TODO(schema)");
  }

  /** Converts a generic row to a record of {@code type}, matching fields by name (nested records too). */
  public static <T> T toRecord(GenericRecord row, Class<T> type) {
    throw new UnsupportedOperationException("TODO(schema)");
  }

  /** Converts a Java record (or returns a GenericRecord as it is) to a generic row. */
  public static GenericRecord toGeneric(Object row) {
    throw new UnsupportedOperationException("TODO(schema)");
  }

  /** The schema of a row object: its own for a GenericRecord, {@link Schemas#of} its class otherwise. */
  public static Schema schemaOf(Object row) {
    throw new UnsupportedOperationException("TODO(schema)");
  }
}
