package dev.lake.internal.schema;

import java.math.BigDecimal;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Fits numbers to an Avro decimal's scale and precision without losing digits silently. */
final class DecimalValues {
  private DecimalValues() {}

  /** {@code value} at the schema's scale; fails (showing {@code shown}) when that would round or overflow. */
  static BigDecimal fit(BigDecimal value, Schema schema, String shown) {
    LogicalTypes.Decimal d = (LogicalTypes.Decimal) schema.getLogicalType();
    BigDecimal scaled;
    try {
      scaled = value.setScale(d.getScale());
    } catch (ArithmeticException wouldRound) {
      throw Values.error(schema, Values.quote(shown));
    }
    if (scaled.precision() > d.getPrecision()) {
      throw Values.error(schema, Values.quote(shown));
    }
    return scaled;
  }
}
