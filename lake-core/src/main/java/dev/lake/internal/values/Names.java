package dev.lake.internal.values;

import java.util.Locale;

/**
 * Name helpers shared by schema inference and the sources: Avro-safe names and the normalised form used to match
 * columns and keys to fields ("InvoiceNo", "invoice_no" and "invoiceNo" all normalise to "invoiceno").
 *
 * <pre>{@code
 * Names.avroName("Invoice No");   // "Invoice_No"
 * Names.normalise("invoice_no");  // "invoiceno"
 * }</pre>
 */
public final class Names {
  private Names() {}

  /** Lower case, letters and digits only. */
  public static String normalise(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** A valid Avro name: letters, digits and '_', not starting with a digit; {@code fallback} when nothing is left. */
  public static String avroName(String name, String fallback) {
    String trimmed = name == null ? "" : name.trim();
    StringBuilder b = new StringBuilder(trimmed.length() + 1);
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      b.append(ok ? c : '_');
    }
    if (b.length() == 0) {
      return fallback;
    }
    if (b.charAt(0) >= '0' && b.charAt(0) <= '9') {
      b.insert(0, '_');
    }
    return b.toString();
  }
}
