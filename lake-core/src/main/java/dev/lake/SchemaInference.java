package dev.lake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Infers Avro schemas from samples of CSV and JSON data: every field nullable; numbers widen (int to long to
 * double); ISO dates and timestamps are recognised; conflicting types fall back to string.
 *
 * <pre>{@code
 * Schema s = SchemaInference.fromCsv("sales", List.of("InvoiceNo", "Quantity"), List.of(List.of("536365", "6")));
 * Schema j = SchemaInference.fromJson("events", jsonNodes);
 * }</pre>
 */
public final class SchemaInference {
  private SchemaInference() {}

  /** A record schema named {@code name} for CSV columns {@code header}, from sample rows of text values. */
  public static Schema fromCsv(String name, List<String> header, List<List<String>> samples) {
    throw new UnsupportedOperationException("TODO(sources)");
  }

  /** A record schema named {@code name} from sample JSON objects (nested objects become nested records). */
  public static Schema fromJson(String name, List<JsonNode> samples) {
    throw new UnsupportedOperationException("TODO(sources)");
  }
}
