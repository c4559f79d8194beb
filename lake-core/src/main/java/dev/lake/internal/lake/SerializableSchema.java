package dev.lake.internal.lake;

import java.io.Serializable;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * An Avro schema that survives Java serialization (Avro's {@code Schema} does not), as its JSON, parsed once after
 * deserialization and kept: what a lake sink ({@code LakeSink}) and the engine's {@link LakeDataset} hold of an
 * explicit schema, as a run asks for it at every commit. Shared by copies: a sink's settings changed after
 * {@code withSchema} keep the same instance.
 *
 * <pre>{@code
 * SerializableSchema held = SerializableSchema.of(schema);
 * Schema same = held.get();   // schema itself; after serialization, parsed once and equal to it
 * }</pre>
 */
public final class SerializableSchema implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String json;
  private transient volatile Schema parsed;

  private SerializableSchema(Schema schema) {
    this.json = schema.toString();
    this.parsed = schema;
  }

  /** Holds {@code schema}. */
  public static SerializableSchema of(Schema schema) {
    return new SerializableSchema(Objects.requireNonNull(schema, "schema"));
  }

  /** The schema: the one given, or, after serialization, its JSON parsed the first time it is asked for. */
  public Schema get() {
    Schema schema = parsed;
    if (schema == null) {
      schema = new Schema.Parser().parse(json);
      parsed = schema;
    }
    return schema;
  }
}
