package dev.lake.internal.values;

import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The one place for unions: unwrapping a nullable union (the engine's copy of {@code Schemas.nonNull}, which calls
 * it, so that value conversion needs nothing from {@code dev.lake}), telling and making nullable schemas, and trying
 * the branches of a union of several types in order, for text, JSON and Java values alike.
 *
 * <pre>{@code
 * Schema optionalLong = Nullability.nullable(Schema.create(Schema.Type.LONG)); // ["null", "long"]
 * Nullability.nonNull(optionalLong);     // long
 * Nullability.isNullable(optionalLong);  // true
 * }</pre>
 */
public final class Nullability {
  /** What an attempt given to {@link #firstFit} returns for a branch that does not take the value. */
  static final Object NO_FIT = new Object();

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

  /** True when {@code schema} is null or a union holding null. */
  public static boolean isNullable(Schema schema) {
    if (schema.getType() == Schema.Type.NULL) {
      return true;
    }
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema branch : schema.getTypes()) {
        if (branch.getType() == Schema.Type.NULL) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code ["null", type]}. */
  public static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  /**
   * The value the first non-null branch of {@code union} gives, in the union's order; an {@code attempt} returns
   * {@link #NO_FIT} for a branch that does not take the value. When none does: "Expected one of [...] but was
   * {@code shown}".
   */
  static Object firstFit(Schema union, Function<Schema, Object> attempt, Supplier<String> shown) {
    for (Schema candidate : union.getTypes()) {
      if (candidate.getType() != Schema.Type.NULL) {
        Object value = attempt.apply(candidate);
        if (value != NO_FIT) {
          return value;
        }
      }
    }
    throw ValueErrors.error(union, shown.get());
  }

  /** {@code attempt}'s value, or {@link #NO_FIT} when it fails with an IllegalArgumentException. */
  static Object orNoFit(Supplier<Object> attempt) {
    try {
      return attempt.get();
    } catch (IllegalArgumentException doesNotFit) {
      return NO_FIT;
    }
  }
}
