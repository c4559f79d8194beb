package dev.lake.sink.iceberg;

import dev.lake.exceptions.SchemaException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Types;

/**
 * Partition specs from the sink's {@code partitionBy} terms, in the words of Iceberg's SQL: a column name (identity),
 * {@code year(col)}, {@code month(col)}, {@code day(col)}, {@code hour(col)}, {@code bucket(n, col)} or
 * {@code truncate(w, col)} (hidden partitioning: readers filter on the column, Iceberg prunes by the transform);
 * and each spec field's transform as a function over the row's value in Iceberg's representation.
 *
 * <pre>{@code
 * PartitionSpec spec = PartitionTransforms.spec(schema, List.of("day(invoice_date)", "bucket(16, customer_id)"));
 * }</pre>
 */
final class PartitionTransforms {
  private static final Pattern CALL = Pattern.compile("(\\w+)\\(\\s*(?:(\\d+)\\s*,\\s*)?(\\w+)\\s*\\)");

  private PartitionTransforms() {}

  static PartitionSpec spec(Schema schema, List<String> terms, String table) {
    PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
    for (String term : terms) {
      Matcher call = CALL.matcher(term.trim());
      String column = call.matches() ? call.group(3) : term.trim();
      if (schema.findField(column) == null) {
        throw new SchemaException("Cannot partition Iceberg table " + table + " by '" + term + "': rows have no field '"
            + column + "'; fields are " + schema.columns().stream().map(Types.NestedField::name).toList());
      }
      if (!call.matches()) {
        spec.identity(column);
        continue;
      }
      String fn = call.group(1).toLowerCase(java.util.Locale.ROOT);
      Integer n = call.group(2) == null ? null : Integer.valueOf(call.group(2));
      try {
        switch (fn) {
          case "year", "years" -> spec.year(column);
          case "month", "months" -> spec.month(column);
          case "day", "days" -> spec.day(column);
          case "hour", "hours" -> spec.hour(column);
          case "bucket" -> spec.bucket(column, required(n, term));
          case "truncate" -> spec.truncate(column, required(n, term));
          default -> throw new SchemaException("Unknown partition transform '" + fn + "' in '" + term + "': use a "
              + "column, year(col), month(col), day(col), hour(col), bucket(n, col) or truncate(w, col)");
        }
      } catch (IllegalArgumentException | org.apache.iceberg.exceptions.ValidationException e) {
        throw new SchemaException("Cannot partition Iceberg table " + table + " by '" + term + "': "
            + e.getMessage(), e);
      }
    }
    return spec.build();
  }

  private static int required(Integer n, String term) {
    if (n == null) {
      throw new SchemaException("'" + term + "' needs a width: bucket(16, col), truncate(4, col)");
    }
    return n;
  }

  /** Each spec field's transform, bound to its source column's type. */
  @SuppressWarnings("unchecked")
  static Function<Object, Object>[] bind(PartitionSpec spec, Schema schema) {
    Function<Object, Object>[] out = (Function<Object, Object>[]) new Function<?, ?>[spec.fields().size()];
    for (int i = 0; i < out.length; i++) {
      PartitionField field = spec.fields().get(i);
      Transform<Object, Object> transform = (Transform<Object, Object>) field.transform();
      out[i] = transform.bind(schema.findType(field.sourceId()))::apply;
    }
    return out;
  }
}
