package dev.lake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The precision and scale of a {@code BigDecimal} component (or of the {@code BigDecimal} elements of a list or map
 * component). Without it a {@code BigDecimal} is {@code decimal(38, 10)}. Values are rescaled to the scale when they
 * are written; a value that would lose digits, or needs more than {@code precision} digits, fails with a
 * {@link dev.lake.exceptions.SchemaException} naming the field and the value. In Parquet files a component of
 * precision 18 or less is stored as an {@code INT32} (up to 9) or {@code INT64} with the {@code DECIMAL} annotation,
 * as Spark and DuckDB write it; a larger one, or a list's or map's elements, as bytes.
 *
 * <pre>{@code
 * record Sale(String invoiceNo, @Decimal(precision = 10, scale = 2) BigDecimal unitPrice) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Decimal {
  /** The total number of digits, 1 to 38 or more. */
  int precision() default 38;

  /** The number of digits after the decimal point, 0 to {@code precision}. */
  int scale() default 10;
}
