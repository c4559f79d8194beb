package dev.lake.internal.lake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The JSON mapper for Lake's own metadata (manifests, cursors, run reports): ISO times, pretty, lenient reads.
 *
 * <pre>{@code
 * Manifest m = Json.read(Json.write(manifest), Manifest.class);
 * }</pre>
 */
public final class Json {
  public static final ObjectMapper MAPPER = create();

  private Json() {}

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

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }
}
