package dev.lake.internal.values;

import dev.lake.exceptions.SchemaException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;

/**
 * Fits BigDecimals to a decimal(precision, scale) column without silently rounding.
 *
 * <pre>{@code
 * Decimals.fit(new BigDecimal("2.5"), 5, 2, "Field price of Sale"); // 2.50
 * }</pre>
 */
public final class Decimals {
  private Decimals() {}

  /**
   * {@code value} at {@code scale}, or a SchemaException naming {@code where} (e.g. "Field price of Sale") when
   * rescaling would lose digits or the value needs more than {@code precision} digits.
   */
  public static BigDecimal fit(BigDecimal value, int precision, int scale, String where) {
    BigDecimal scaled = rescaled(value, precision, scale);
    if (scaled != null) {
      return scaled;
    }
    BigDecimal atScale;
    try {
      atScale = value.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new SchemaException(where + ": " + value.toPlainString() + " does not fit decimal(" + precision + ", "
          + scale + "): it has more than " + scale + " decimal places; round it first (value.setScale(" + scale
          + ", RoundingMode.HALF_UP)) or raise @Decimal(scale)", e);
    }
    throw new SchemaException(where + ": " + value.toPlainString() + " does not fit decimal(" + precision + ", "
        + scale + "): it needs " + atScale.precision() + " digits; raise @Decimal(precision)");
  }

  /**
   * A parsed or cast value at the decimal {@code schema}'s scale; when that would round it or overflow, the
   * conversion error every value parser gives ("Expected decimal(p, s) but was 'shown'").
   */
  static BigDecimal fit(BigDecimal value, Schema schema, String shown) {
    LogicalTypes.Decimal d = (LogicalTypes.Decimal) schema.getLogicalType();
    BigDecimal scaled = rescaled(value, d.getPrecision(), d.getScale());
    if (scaled == null) {
      throw ValueErrors.error(schema, ValueErrors.quote(shown));
    }
    return scaled;
  }

  /**
   * {@code value} at {@code scale}, or null when rescaling would round it or it needs more than {@code precision}
   * digits: the one decimal fit, which every parser, cast and writer goes through.
   */
  public static BigDecimal rescaled(BigDecimal value, int precision, int scale) {
    BigDecimal scaled = value;
    if (value.scale() != scale) {
      try {
        scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException wouldRound) {
        return null;
      }
    }
    return scaled.precision() > precision ? null : scaled;
  }

  /** Avro's decimal conversion, rescaling like {@link #fit} and failing with a SchemaException. */
  public static final class Conversion extends Conversions.DecimalConversion {
    @Override
    public ByteBuffer toBytes(BigDecimal value, Schema schema, LogicalType type) {
      return super.toBytes(fitTo(value, type), schema, type);
    }

    @Override
    public GenericFixed toFixed(BigDecimal value, Schema schema, LogicalType type) {
      return super.toFixed(fitTo(value, type), schema, type);
    }

    private static BigDecimal fitTo(BigDecimal value, LogicalType type) {
      LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) type;
      return fit(value, decimal.getPrecision(), decimal.getScale(), "A decimal value");
    }
  }
}
