package dev.lake.internal.lake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lake's own metadata as JSON (manifests, state entries, pending markers, segments, run reports): pretty-printed, ISO
 * times, lenient reads (unknown properties ignored). The metadata of a run is written and read with jackson-core's
 * streaming API ({@link MetadataWriter}, {@link MetadataReader}), so a run loads none of databind's bean
 * introspection (a run report from the engine's {@link RunResult}); other types (a run report read back, or written,
 * as the public {@code PipelineResult}) go through a databind mapper made on first use, configured to give the same
 * JSON.
 *
 * <pre>{@code
 * Manifest m = Json.read(Json.write(manifest), Manifest.class);
 * }</pre>
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** The databind mapper for types without a streaming writer or reader; made on first use. */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  /** Pretty-printed JSON of {@code value}. */
  public static byte[] write(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      if (value instanceof Manifest m) {
        MetadataWriter.manifest(g, m);
      } else if (value instanceof StateLog.Entry e) {
        MetadataWriter.entry(g, e);
      } else if (value instanceof PendingMarkers.Marker m) {
        MetadataWriter.marker(g, m);
      } else if (value instanceof Segments.Segment s) {
        MetadataWriter.segment(g, s);
      } else if (value instanceof RunResult r) {
        MetadataWriter.runReport(g, r);
      } else {
        return mapper().writeValueAsBytes(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads {@code json} as {@code type}.
   *
   * @throws IOException when it is not JSON, or a property has a value of the wrong type or an invalid one
   */
  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    Object value;
    try {
      if (type == Manifest.class) {
        value = MetadataReader.parse(FACTORY, json, "a manifest").manifest();
      } else if (type == StateLog.Entry.class) {
        value = MetadataReader.parse(FACTORY, json, "a state entry").entry();
      } else if (type == PendingMarkers.Marker.class) {
        value = MetadataReader.parse(FACTORY, json, "a pending marker").marker();
      } else if (type == Segments.Segment.class) {
        value = MetadataReader.parse(FACTORY, json, "a segment").segment();
      } else {
        return mapper().readValue(json, type);
      }
    } catch (RuntimeException e) { // a record's own check, e.g. a null where a value is required
      throw new IOException("Invalid " + type.getSimpleName() + ": " + e, e);
    }
    return type.cast(value);
  }

  /** A JSON object of strings (the cursor file of Lake before 0.2), by key. */
  static Map<String, String> readStringMap(byte[] json, String what) throws IOException {
    MetadataReader top = MetadataReader.parse(FACTORY, json, what);
    return new TreeMap<>(top.stringMap());
  }

  /** Holds the databind mapper, so that it is made only when a type needs it. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = create();

    private static ObjectMapper create() {
      SimpleModule time = new SimpleModule("lake-time");
      time.addSerializer(Instant.class, new JsonSerializer<>() {
        @Override
        public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
          g.writeString(v.toString());
        }
      });
      time.addDeserializer(Instant.class, new JsonDeserializer<>() {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
          return Instant.parse(p.getValueAsString());
        }
      });
      time.addSerializer(Duration.class, new JsonSerializer<>() {
        @Override
        public void serialize(Duration v, JsonGenerator g, SerializerProvider p) throws IOException {
          g.writeString(v.toString());
        }
      });
      time.addDeserializer(Duration.class, new JsonDeserializer<>() {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext c) throws IOException {
          return Duration.parse(p.getValueAsString());
        }
      });
      return new ObjectMapper()
          .registerModule(time)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
  }
}
