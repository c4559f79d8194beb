package dev.lake.internal.values;

import org.apache.avro.Schema;

/**
 * The one place that unwraps a nullable union: the engine's copy of {@code Schemas.nonNull} (which calls it), so that
 * value conversion needs nothing from {@code dev.lake}.
 *
 * <pre>{@code
 * Schema optionalLong = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.LONG));
 * Nullability.nonNull(optionalLong);   // long
 * }</pre>
 */
public final class Nullability {
  private Nullability() {}

  /**
   * The one non-null branch of a union with null ({@code ["null", "long"]} is {@code long}); any other schema, a
   * real union of several types among them, as it is; null for null.
   */
  public static Schema nonNull(Schema schema) {
    if (schema == null || schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    Schema only = null;
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        if (only != null) {
          return schema; // a real union of several types
        }
        only = branch;
      }
    }
    return only == null ? schema : only;
  }
}
