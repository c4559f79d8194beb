package dev.lake.internal.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Decimals of precision 18 or less as Parquet integers: a top-level {@code BINARY DECIMAL(p, s)} column, as
 * parquet-avro derives it from an Avro bytes-decimal, becomes {@code INT32} for {@code p <= 9} and {@code INT64} for
 * {@code p <= 18}, with the same annotation and field id. The Parquet format allows both and Spark, DuckDB and
 * Iceberg's writers use them: the column's statistics then compare primitive numbers, and its dictionary holds them,
 * where a binary column's statistics wrap both values in new buffers at every compare (parquet-java's signed-integer
 * comparator). Columns inside lists, maps and nested records, and fixed-size decimals, stay as parquet-avro makes them.
 *
 * <p>The values are the same unscaled numbers: the writer converts a decimal to bytes as before (Avro's checks of
 * scale and precision included) and writes the number those big-endian bytes hold ({@link #unscaled}).
 *
 * <pre>{@code
 * MessageType fileSchema = ParquetDecimals.asIntegers(new AvroSchemaConverter(conf).convert(schema));
 * }</pre>
 */
final class ParquetDecimals {
  /** The largest precision an {@code INT32} decimal holds. */
  static final int MAX_INT_PRECISION = 9;
  /** The largest precision an {@code INT64} decimal holds. */
  static final int MAX_LONG_PRECISION = 18;

  private ParquetDecimals() {}

  /** {@code schema} with its top-level binary decimals of precision 18 or less as {@code INT32} or {@code INT64}. */
  static MessageType asIntegers(MessageType schema) {
    List<Type> fields = new ArrayList<>(schema.getFieldCount());
    boolean changed = false;
    for (Type field : schema.getFields()) {
      Type integer = asInteger(field);
      changed |= integer != field;
      fields.add(integer);
    }
    return changed ? new MessageType(schema.getName(), fields) : schema;
  }

  private static Type asInteger(Type field) {
    if (!field.isPrimitive() || field.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY
        || !(field.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation decimal)
        || decimal.getPrecision() > MAX_LONG_PRECISION) {
      return field;
    }
    PrimitiveTypeName integer = decimal.getPrecision() <= MAX_INT_PRECISION ? PrimitiveTypeName.INT32
        : PrimitiveTypeName.INT64;
    Types.PrimitiveBuilder<PrimitiveType> builder = Types.primitive(integer, field.getRepetition()).as(decimal);
    if (field.getId() != null) {
      builder.id(field.getId().intValue());
    }
    return builder.named(field.getName());
  }

  /** Whether {@code type} is a decimal stored as {@code INT32} or {@code INT64}. */
  static boolean integer(Type type) {
    return type.isPrimitive() && type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation
        && type.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY
        && type.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
  }

  /**
   * The number that a decimal's unscaled bytes (big-endian two's complement, as Avro and Parquet's binary decimals
   * hold it) encode; at most 8 bytes, which any value of precision 18 or less fits in.
   */
  static long unscaled(ByteBuffer bytes) {
    int from = bytes.position();
    int length = bytes.remaining();
    if (length == 0) {
      return 0;
    }
    if (length > Long.BYTES) {
      throw new ArithmeticException("A decimal of " + length + " bytes does not fit a 64-bit column");
    }
    long value = bytes.get(from); // sign-extended
    for (int i = 1; i < length; i++) {
      value = (value << 8) | (bytes.get(from + i) & 0xff);
    }
    return value;
  }

  /** As {@link #unscaled(ByteBuffer)}, over a byte array. */
  static long unscaled(byte[] bytes) {
    return unscaled(ByteBuffer.wrap(bytes));
  }
}
