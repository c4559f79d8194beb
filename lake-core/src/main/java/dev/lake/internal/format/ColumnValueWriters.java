package dev.lake.internal.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.util.Utf8;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One small writer per kind of primitive column, chosen once per column when {@link RecordColumnsWriteSupport} plans
 * a record class: each writes a non-null value as parquet-avro's {@code AvroWriteSupport} would (the same
 * conversions, the same Parquet values). Small, single-purpose methods are compiled quickly and once by the JIT,
 * where one method switching over every kind was large enough for C2 to spend seconds on it, several times, in a
 * fresh JVM.
 *
 * <pre>{@code
 * ColumnValueWriters.Writer writer = ColumnValueWriters.of(Schema.create(Schema.Type.LONG), model);
 * writer.write(consumer, 17850L);
 * }</pre>
 */
final class ColumnValueWriters {
  private ColumnValueWriters() {}

  /** Writes one non-null value of its column between the consumer's {@code startField} and {@code endField}. */
  interface Writer {
    void write(RecordConsumer consumer, Object value);
  }

  /**
   * The writer for values of {@code schema} (not a union: its non-null branch), through {@code model}'s conversion
   * when the schema has a logical type; a writer of Lake's own holds state, so each column gets a new one.
   */
  static Writer of(Schema schema, GenericData model) {
    return of(schema, model, null);
  }

  /**
   * As {@link #of(Schema, GenericData)}, for a column of the given physical type: a decimal over bytes in an
   * {@code INT32} or {@code INT64} column ({@link ParquetDecimals}) is written as its unscaled number.
   */
  static Writer of(Schema schema, GenericData model, PrimitiveTypeName physical) {
    Writer raw = raw(schema);
    LogicalType logicalType = schema.getLogicalType();
    if (logicalType == null) {
      return raw;
    }
    return switch (schema.getType()) {
      case LONG -> new ConvertingToLongs(schema, logicalType, model);
      case BYTES -> new ConvertingToBytes(schema, logicalType, model, physical);
      default -> new Converting(schema, logicalType, model, raw);
    };
  }

  private static Writer raw(Schema schema) {
    return switch (schema.getType()) {
      case STRING -> new Strings();
      case INT -> new Ints();
      case LONG -> new Longs();
      case DOUBLE -> new Doubles();
      case FLOAT -> new Floats();
      case BOOLEAN -> new Booleans();
      case BYTES -> new Bytes();
      case FIXED -> new Fixed();
      case ENUM -> new Enums();
      default -> throw new IllegalStateException("Not a primitive column: " + schema);
    };
  }

  /**
   * Strings as byte-array {@link Binary}s. The bytes written for the row before are reused when the next row holds
   * the same object (rows read from text share the object of a repeated value), so that Parquet's dictionary finds
   * its entry by identity instead of comparing byte by byte.
   */
  static final class Strings implements Writer {
    private String lastString;
    private Binary lastBinary;

    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addBinary(value instanceof String s ? string(s) : other(value));
    }

    private Binary string(String s) {
      if (s != lastString) {
        lastString = s;
        lastBinary = Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
      }
      return lastBinary;
    }

    private static Binary other(Object value) {
      if (value instanceof Utf8 utf8) {
        return Binary.fromReusedByteArray(utf8.getBytes(), 0, utf8.getByteLength());
      }
      return Binary.fromCharSequence(value instanceof CharSequence c ? c : value.toString());
    }
  }

  /** Ints, shorts, bytes and chars (as their code). */
  static final class Ints implements Writer {
    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addInteger(value instanceof Character c ? c : ((Number) value).intValue());
    }
  }

  static final class Longs implements Writer {
    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addLong(((Number) value).longValue());
    }
  }

  static final class Doubles implements Writer {
    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addDouble(((Number) value).doubleValue());
    }
  }

  static final class Floats implements Writer {
    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addFloat(((Number) value).floatValue());
    }
  }

  static final class Booleans implements Writer {
    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addBoolean((Boolean) value);
    }
  }

  /** Byte arrays, byte buffers, and decimals already converted to a {@link Binary} by {@link Converting}. */
  static final class Bytes implements Writer {
    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addBinary(value instanceof Binary converted ? converted
          : value instanceof byte[] bytes ? Binary.fromReusedByteArray(bytes)
          : Binary.fromReusedByteBuffer((ByteBuffer) value));
    }
  }

  static final class Fixed implements Writer {
    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addBinary(Binary.fromReusedByteArray(((GenericFixed) value).bytes()));
    }
  }

  static final class Enums implements Writer {
    @Override
    public void write(RecordConsumer consumer, Object value) {
      consumer.addBinary(Binary.fromString(value.toString()));
    }
  }

  /**
   * The logical types over longs (timestamps, times in microseconds): as {@link Converting}, in a method of their
   * own, the row before's long kept unboxed.
   */
  static final class ConvertingToLongs extends ConversionCache implements Writer {
    private long last;

    ConvertingToLongs(Schema schema, LogicalType logicalType, GenericData model) {
      super(schema, logicalType, model);
    }

    @Override
    public void write(RecordConsumer consumer, Object value) {
      if (!sameAsBefore(value)) {
        Conversion<Object> conversion = conversionFor(value);
        last = conversion == null ? ((Number) value).longValue()
            : conversion.toLong(value, schema, logicalType).longValue();
      }
      consumer.addLong(last);
    }
  }

  /**
   * The logical types over bytes (decimals): as {@link Converting}, in a method of their own. A decimal's bytes are
   * also kept for an equal decimal written later (a small table by the value's hash), so that a price repeated in
   * other rows is converted once and Parquet's dictionary finds its entry by identity. In an {@code INT32} or
   * {@code INT64} column the bytes (made by the same conversion, with its checks) are kept and written as the
   * number they hold.
   */
  static final class ConvertingToBytes extends ConversionCache implements Writer {
    static final int MAX_KEPT = 1 << 10;
    private final Writer raw;
    private final PrimitiveTypeName physical;
    private BigDecimal[] decimals = new BigDecimal[16];
    private Object[] converted = new Object[16];
    private int displaced;
    private Object last;

    ConvertingToBytes(Schema schema, LogicalType logicalType, GenericData model, PrimitiveTypeName physical) {
      super(schema, logicalType, model);
      this.physical = physical;
      this.raw = physical == PrimitiveTypeName.INT64 ? new Longs()
          : physical == PrimitiveTypeName.INT32 ? new Ints() : new Bytes();
    }

    @Override
    public void write(RecordConsumer consumer, Object value) {
      if (!sameAsBefore(value)) {
        last = value instanceof BigDecimal decimal ? decimal(decimal) : convert(value);
      }
      raw.write(consumer, last);
    }

    /** Equal decimals (the same digits at the same scale) convert to the same bytes. */
    private Object decimal(BigDecimal value) {
      int slot = slot(value, decimals.length);
      BigDecimal known = decimals[slot];
      if (known != null && (known == value || known.equals(value))) {
        return converted[slot];
      }
      Object bytes = convert(value);
      if (known != null && ++displaced > decimals.length && decimals.length < MAX_KEPT) {
        grow();
        slot = slot(value, decimals.length);
      }
      decimals[slot] = value;
      converted[slot] = bytes;
      return bytes;
    }

    private void grow() {
      BigDecimal[] biggerDecimals = new BigDecimal[decimals.length * 2];
      Object[] biggerConverted = new Object[decimals.length * 2];
      for (int i = 0; i < decimals.length; i++) {
        if (decimals[i] != null) {
          int slot = slot(decimals[i], biggerDecimals.length);
          biggerDecimals[slot] = decimals[i];
          biggerConverted[slot] = converted[i];
        }
      }
      decimals = biggerDecimals;
      converted = biggerConverted;
      displaced = 0;
    }

    private static int slot(BigDecimal value, int capacity) {
      int h = value.hashCode() * 0x9E3779B9;
      return (h ^ (h >>> 16)) & (capacity - 1);
    }

    private Object convert(Object value) {
      Conversion<Object> conversion = conversionFor(value);
      Object bytes = conversion == null ? value : conversion.toBytes(value, schema, logicalType);
      if (physical == PrimitiveTypeName.INT64) {
        return unscaled(bytes);
      }
      if (physical == PrimitiveTypeName.INT32) {
        return (int) unscaled(bytes);
      }
      return conversion == null ? value : constant(bytes);
    }

    private static long unscaled(Object bytes) {
      return bytes instanceof byte[] array ? ParquetDecimals.unscaled(array)
          : ParquetDecimals.unscaled((ByteBuffer) bytes);
    }
  }

  /**
   * What a converting writer remembers: the conversion for the last value's class, and the last value when it
   * cannot change (decimals and {@code java.time} values), so that the same object as the row before's is not
   * converted again.
   */
  abstract static class ConversionCache {
    final Schema schema;
    final LogicalType logicalType;
    private final GenericData model;
    private Class<?> convertedFrom;
    private Conversion<Object> conversion;
    private Object lastValue;

    ConversionCache(Schema schema, LogicalType logicalType, GenericData model) {
      this.schema = schema;
      this.logicalType = logicalType;
      this.model = model;
    }

    /** Whether {@code value} is the row before's unchangeable object; else remembers it as the last value. */
    final boolean sameAsBefore(Object value) {
      if (value == lastValue && immutable(value)) {
        return true;
      }
      lastValue = value;
      return false;
    }

    /** The model's conversion for the value's class; null when the value is already the raw value. */
    @SuppressWarnings("unchecked")
    final Conversion<Object> conversionFor(Object value) {
      Class<?> from = value.getClass();
      if (from != convertedFrom) {
        conversion = (Conversion<Object>) model.getConversionByClass(from, logicalType);
        convertedFrom = from;
      }
      return conversion;
    }

    /** Values that cannot change between two rows: decimals and {@code java.time} values. */
    static boolean immutable(Object value) {
      return value.getClass() == BigDecimal.class || value instanceof java.time.temporal.TemporalAccessor
          && value.getClass().getPackageName().equals("java.time");
    }

    /** A conversion's own new buffer (decimals) as constant bytes, which Parquet neither copies nor wraps. */
    static Object constant(Object converted) {
      if (converted instanceof ByteBuffer buffer && buffer.hasArray()) {
        int offset = buffer.arrayOffset() + buffer.position();
        return offset == 0 && buffer.remaining() == buffer.array().length
            ? Binary.fromConstantByteArray(buffer.array()) // hashed and compared without a slice's wrapping
            : Binary.fromConstantByteArray(buffer.array(), offset, buffer.remaining());
      }
      return converted;
    }
  }

  /**
   * A logical type's value over any other type (a date, a time in milliseconds, a fixed decimal, a UUID as a
   * string) converted to its raw value by the model's conversion for the value's class, then written by the raw
   * type's writer. The same object as the row before's, when it cannot change (decimals and {@code java.time}
   * values), reuses the row before's conversion.
   */
  static final class Converting extends ConversionCache implements Writer {
    private final Writer raw;
    private Object lastRaw;

    Converting(Schema schema, LogicalType logicalType, GenericData model, Writer raw) {
      super(schema, logicalType, model);
      this.raw = raw;
    }

    @Override
    public void write(RecordConsumer consumer, Object value) {
      if (!sameAsBefore(value)) {
        Conversion<Object> conversion = conversionFor(value);
        lastRaw = conversion == null ? value
            : constant(Conversions.convertToRawType(value, schema, logicalType, conversion));
      }
      raw.write(consumer, lastRaw);
    }
  }
}
