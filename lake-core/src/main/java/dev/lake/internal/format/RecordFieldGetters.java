package dev.lake.internal.format;

import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * A row model that hands out direct getters for the components of a Java record class, in the order of a file
 * schema's fields: what {@link RecordColumnsWriteSupport}'s shortcut for records needs from the model it is given.
 * {@code dev.lake}'s record model ({@code Rows.model}) implements it; rows of any other model go through
 * parquet-avro's write support.
 *
 * <pre>{@code
 * if (Rows.model(Sale.class) instanceof RecordFieldGetters records) {
 *   Function<Object, Object>[] getters = records.fieldGetters(Sale.class, fileSchema);
 *   Object firstColumn = getters[0].apply(sale);
 * }
 * }</pre>
 */
public interface RecordFieldGetters {
  /**
   * Getters of {@code recordClass}'s components in the order of {@code fileSchema}'s fields, returning what Avro and
   * Parquet writers expect; a field without a component reads null.
   */
  Function<Object, Object>[] fieldGetters(Class<?> recordClass, Schema fileSchema);
}
