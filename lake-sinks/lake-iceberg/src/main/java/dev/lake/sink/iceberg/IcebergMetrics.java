package dev.lake.sink.iceberg;

import dev.lake.io.ColumnMetrics;
import dev.lake.io.FileMetrics;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Literal;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.BinaryUtil;
import org.apache.iceberg.util.UnicodeUtil;

/**
 * Iceberg's per-file {@link Metrics} from the figures Lake's Parquet writer read off the footer it wrote: column
 * sizes, value and null counts by field id, and lower and upper bounds for columns outside lists and maps, strings
 * and binaries truncated to 16 characters as Iceberg's default metrics mode does ({@code truncate(16)}).
 *
 * <pre>{@code
 * Metrics m = IcebergMetrics.of(writer.metrics().orElseThrow(), table.schema());
 * }</pre>
 */
final class IcebergMetrics {
  static final int TRUNCATE = 16;

  private IcebergMetrics() {}

  static Metrics of(FileMetrics file, Schema schema) {
    Map<Integer, Long> sizes = new HashMap<>();
    Map<Integer, Long> values = new HashMap<>();
    Map<Integer, Long> nulls = new HashMap<>();
    Map<Integer, ByteBuffer> lower = new HashMap<>();
    Map<Integer, ByteBuffer> upper = new HashMap<>();
    for (ColumnMetrics c : file.columns()) {
      if (c.fieldId() < 0 || schema.findField(c.fieldId()) == null) {
        continue;
      }
      int id = c.fieldId();
      sizes.put(id, c.compressedBytes());
      values.put(id, c.valueCount());
      if (c.nullCount() >= 0) {
        nulls.put(id, c.nullCount());
      }
      boolean repeated = c.path().contains(".list.") || c.path().contains(".key_value.");
      Type type = schema.findType(id);
      if (!repeated && c.lower() != null && c.upper() != null && type.isPrimitiveType()) {
        bound(type, c.lower(), false).ifPresent(b -> lower.put(id, b));
        bound(type, c.upper(), true).ifPresent(b -> upper.put(id, b));
      }
    }
    return new Metrics(file.rows(), sizes, values, nulls, null, lower, upper);
  }

  private static java.util.Optional<ByteBuffer> bound(Type type, Object raw, boolean max) {
    Object value;
    switch (type.typeId()) {
      case BOOLEAN, INTEGER, LONG, FLOAT, DOUBLE, DATE, TIME, TIMESTAMP -> value = raw;
      case STRING -> {
        String s = new String((byte[]) raw, StandardCharsets.UTF_8);
        Literal<CharSequence> literal = Literal.of(s);
        Literal<CharSequence> cut = max ? UnicodeUtil.truncateStringMax(literal, TRUNCATE)
            : UnicodeUtil.truncateStringMin(literal, TRUNCATE);
        if (cut == null) {
          return java.util.Optional.empty(); // no upper bound of 16 characters exists
        }
        value = cut.value();
      }
      case BINARY, FIXED -> {
        ByteBuffer b = ByteBuffer.wrap((byte[]) raw);
        if (type.typeId() == Type.TypeID.FIXED) {
          value = b;
        } else {
          Literal<ByteBuffer> cut = max ? BinaryUtil.truncateBinaryMax(Literal.of(b), TRUNCATE)
              : BinaryUtil.truncateBinaryMin(Literal.of(b), TRUNCATE);
          if (cut == null) {
            return java.util.Optional.empty();
          }
          value = cut.value();
        }
      }
      case DECIMAL -> {
        int scale = ((Types.DecimalType) type).scale();
        BigInteger unscaled = raw instanceof byte[] bytes ? new BigInteger(bytes)
            : BigInteger.valueOf(((Number) raw).longValue());
        value = new BigDecimal(unscaled, scale);
      }
      default -> {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(Conversions.toByteBuffer(type, value));
  }
}
