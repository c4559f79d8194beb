package dev.lake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column (Avro field) of a record component, and optionally documents it. The name must match
 * {@code [A-Za-z_][A-Za-z0-9_]*}. Without this annotation the column is named after the component.
 *
 * <pre>{@code
 * record Sale(@Column(value = "invoice_no", doc = "The invoice number") String invoiceNo, int quantity) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  /** The column name; empty keeps the component's name. */
  String value() default "";

  /** The column's documentation, written into the schema; empty for none. */
  String doc() default "";
}
