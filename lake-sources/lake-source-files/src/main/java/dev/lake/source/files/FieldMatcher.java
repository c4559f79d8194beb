package dev.lake.source.files;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.Fields;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Maps source names (CSV columns, JSON keys) to schema fields. A name matches, in this order: an explicit
 * {@code withColumn(name, field)}, a field whose doc is exactly the name (inferred schemas keep the original column
 * name there), the field name, an alias, then the normalised form (lower case, letters and digits only), so
 * "InvoiceNo", "invoice_no" and "invoiceNo" all find field {@code invoice_no}. Each column feeds one field at most.
 */
final class FieldMatcher {
  private final Schema schema;
  private final Map<String, String> explicit;
  private final List<Schema.Field> fields;

  FieldMatcher(Schema schema, Map<String, String> explicit) {
    this.schema = schema;
    this.explicit = explicit;
    this.fields = schema.getFields();
  }

  /** Fails (without I/O) when an explicit mapping names a field the schema lacks. */
  static void checkExplicit(Schema schema, Map<String, String> explicit, String connector) {
    for (Map.Entry<String, String> e : explicit.entrySet()) {
      if (schema.getField(e.getValue()) == null) {
        throw new ValidationException(connector + " source: withColumn(\"" + e.getKey() + "\", \"" + e.getValue()
            + "\") names no field of " + schema.getName() + "; its fields are " + fieldNames(schema));
      }
    }
  }

  /** For each field, the index of its column in {@code columns}, or -1. */
  int[] columnsOf(List<String> columns) {
    int[] out = new int[fields.size()];
    Arrays.fill(out, -1);
    boolean[] taken = new boolean[columns.size()];
    for (int pass = 0; pass < 5; pass++) {
      for (Schema.Field field : fields) {
        if (out[field.pos()] >= 0) {
          continue;
        }
        for (int c = 0; c < columns.size(); c++) {
          if (!taken[c] && matches(pass, columns.get(c), field)) {
            out[field.pos()] = c;
            taken[c] = true;
            break;
          }
        }
      }
    }
    return out;
  }

  /** Fails when a required field (not nullable, no default) has no column, naming the file, field and header. */
  void checkRequired(int[] columnOf, List<String> header, String file, String connector) {
    for (Schema.Field field : fields) {
      if (columnOf[field.pos()] < 0 && isRequired(field)) {
        throw new ValidationException(connector + " file " + file + " has no column for required field '"
            + field.name() + "' (header: " + String.join(", ", header) + "): add the column, map one with "
            + ".withColumn(\"<column>\", \"" + field.name() + "\"), or make the field nullable");
      }
    }
  }

  /** A per-reader lookup from JSON keys to field positions (-1: ignored), filled as keys are first seen. */
  Map<String, Integer> newKeyCache() {
    return new HashMap<>();
  }

  int fieldOfKey(String key, Map<String, Integer> cache) {
    Integer cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    int found = -1;
    for (int pass = 0; pass < 5 && found < 0; pass++) {
      for (Schema.Field field : fields) {
        if (matches(pass, key, field)) {
          found = field.pos();
          break;
        }
      }
    }
    cache.put(key, found);
    return found;
  }

  static boolean isRequired(Schema.Field field) {
    return !field.schema().isNullable() && !field.hasDefaultValue();
  }

  /** The value of a field that has no column: its default, else null. */
  static Object missing(Schema.Field field) {
    if (field.hasDefaultValue() && !field.schema().isNullable()) {
      return Fields.cast(GenericData.get().getDefaultValue(field), field.schema());
    }
    return null;
  }

  private boolean matches(int pass, String name, Schema.Field field) {
    switch (pass) {
      case 0:
        return field.name().equals(explicit.get(name));
      case 1:
        return name.equals(field.doc()) && !explicit.containsKey(name);
      case 2:
        return name.equals(field.name()) && !explicit.containsKey(name);
      case 3:
        return field.aliases().contains(name) && !explicit.containsKey(name);
      default:
        return !explicit.containsKey(name) && Fields.normalisedName(name).equals(Fields.normalisedName(field.name()));
    }
  }

  static String fieldNames(Schema schema) {
    StringBuilder b = new StringBuilder();
    for (Schema.Field f : schema.getFields()) {
      b.append(b.length() == 0 ? "" : ", ").append(f.name());
    }
    return b.toString();
  }

  Schema schema() {
    return schema;
  }
}
