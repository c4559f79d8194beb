package dev.lake.exceptions;

/**
 * A type cannot be mapped to a schema, or a value does not fit its schema. The message names the field path, the
 * expected and the actual type.
 *
 * <pre>{@code
 * Schemas.of(Object.class); // SchemaException: "Cannot derive a schema for java.lang.Object: ..."
 * }</pre>
 */
public class SchemaException extends LakeException {
  private static final long serialVersionUID = 1L;

  public SchemaException(String message) {
    super(message);
  }

  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
