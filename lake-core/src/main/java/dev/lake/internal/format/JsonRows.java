package dev.lake.internal.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.lake.exceptions.SchemaException;
import dev.lake.internal.values.Values;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;

/**
 * Renders rows as JSON, the way JSON Lines files and rejected rows show them: timestamps as ISO-8601 strings
 * ({@code "2011-01-05T08:26:00Z"}), dates as {@code "2011-01-05"}, decimals as exact numbers, bytes as base64, records
 * and maps as objects, lists as arrays, enums as strings. CSV files render scalars with the same {@link #scalarText}.
 *
 * <pre>{@code
 * String line = JsonRows.toJson(row, schema, Rows.model(Sale.class)); // {"id":1,"at":"2011-01-05T08:26:00Z"}
 * }</pre>
 */
public final class JsonRows {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private JsonRows() {}

  /**
   * The row as one line of JSON.
   *
   * @param row a Java record or GenericRecord, read through {@code model}
   * @param schema the row's record schema (fields missing from it are not shown)
   * @param model reads the row's fields by name
   * @throws SchemaException when a value does not fit its schema
   */
  public static String toJson(Object row, Schema schema, GenericData model) {
    StringWriter text = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(text)) {
      write(gen, row, schema, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * How many bytes {@link #toJson} gives in UTF-8, counted as Jackson encodes them (no text is kept): a buffer's
   * default row size.
   */
  public static long utf8Length(Object row, Schema schema, GenericData model) {
    ByteCounter counter = new ByteCounter();
    try (JsonGenerator gen = FACTORY.createGenerator(counter, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
      write(gen, row, schema, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counter.count;
  }

  /** An output stream that only counts. */
  private static final class ByteCounter extends java.io.OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** Writes one value of {@code schema}; fields are read through {@code model}. */
  static void write(JsonGenerator gen, Object value, Schema schema, GenericData model) throws IOException {
    if (value == null) {
      gen.writeNull();
      return;
    }
    switch (schema.getType()) {
      case UNION -> write(gen, value, branch(schema, value, model), model);
      case RECORD -> {
        gen.writeStartObject();
        for (Schema.Field field : schema.getFields()) {
          gen.writeFieldName(field.name());
          write(gen, model.getField(value, field.name(), field.pos()), field.schema(), model);
        }
        gen.writeEndObject();
      }
      case ARRAY -> {
        gen.writeStartArray();
        for (Object element : elements(value)) {
          write(gen, element, schema.getElementType(), model);
        }
        gen.writeEndArray();
      }
      case MAP -> {
        gen.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          gen.writeFieldName(String.valueOf(entry.getKey()));
          write(gen, entry.getValue(), schema.getValueType(), model);
        }
        gen.writeEndObject();
      }
      default -> writeScalar(gen, ReadModel.toJava(value, schema));
    }
  }

  private static void writeScalar(JsonGenerator gen, Object value) throws IOException {
    if (value instanceof BigDecimal d) {
      gen.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      gen.writeNumber(i);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      gen.writeNumber(((Number) value).longValue());
    } else if (value instanceof Float f) {
      gen.writeNumber(f);
    } else if (value instanceof Double d) {
      gen.writeNumber(d);
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else {
      gen.writeString(scalarText(value));
    }
  }

  /** A scalar Java value as text: ISO-8601 for times, plain digits for decimals, base64 for bytes. */
  static String scalarText(Object value) {
    if (value instanceof Instant i) {
      return DateTimeFormatter.ISO_INSTANT.format(i);
    } else if (value instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    } else if (value instanceof LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof ByteBuffer b) {
      return Base64.getEncoder().encodeToString(Values.bytes(b));
    } else if (value instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    } else if (value instanceof GenericFixed f) {
      return Base64.getEncoder().encodeToString(f.bytes());
    }
    return value.toString();
  }

  /** The branch of a union that a non-null value belongs to. */
  static Schema branch(Schema union, Object value, GenericData model) {
    java.util.List<Schema> types = union.getTypes();
    if (types.size() == 2 && types.get(0).getType() == Schema.Type.NULL) {
      return types.get(1);
    }
    if (types.size() == 2 && types.get(1).getType() == Schema.Type.NULL) {
      return types.get(0);
    }
    try {
      return types.get(model.resolveUnion(union, value));
    } catch (RuntimeException e) {
      throw new SchemaException("Value " + value + " of " + value.getClass().getName() + " fits no branch of " + union,
          e);
    }
  }

  private static Iterable<?> elements(Object value) {
    if (value instanceof Collection<?> c) {
      return c;
    }
    if (value instanceof Object[] a) {
      return Arrays.asList(a);
    }
    throw new SchemaException("Expected a list or an array but was " + value.getClass().getName() + ": " + value);
  }
}
