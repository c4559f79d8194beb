package dev.lake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.exceptions.ValidationException;
import dev.lake.internal.values.TypeGuess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Infers Avro schemas from samples of CSV and JSON data: every field nullable; numbers widen (long to double); ISO
 * dates ({@code date}) and timestamps ({@code timestamp-micros}, zone-less text read as UTC) are recognised;
 * true/false is boolean; conflicting types and all-empty columns are strings. Column names become valid Avro names
 * ("Invoice No" is field {@code Invoice_No}, its doc keeps "Invoice No").
 *
 * <pre>{@code
 * import com.fasterxml.jackson.databind.ObjectMapper;
 * Schema s = SchemaInference.fromCsv("sales", List.of("InvoiceNo", "Quantity"), List.of(List.of("536365", "6")));
 * Schema j = SchemaInference.fromJson("events", List.of(new ObjectMapper().readTree("{\"page\":\"Home\",\"ts\":1}")));
 * }</pre>
 */
public final class SchemaInference {
  private SchemaInference() {}

  /**
   * A record schema named {@code name} for CSV columns {@code header}, from sample rows of text values. Rows shorter
   * or longer than the header contribute the columns they have.
   */
  public static Schema fromCsv(String name, List<String> header, List<List<String>> samples) {
    ValidationException.check(header != null && !header.isEmpty(),
        "Cannot infer a schema without columns: give the CSV header or .withColumns(...)");
    List<TypeGuess> guesses = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      guesses.add(new TypeGuess());
    }
    for (List<String> row : samples) {
      int n = Math.min(row.size(), guesses.size());
      for (int i = 0; i < n; i++) {
        guesses.get(i).observeText(row.get(i));
      }
    }
    return TypeGuess.record(name, header, guesses);
  }

  /**
   * A record schema named {@code name} from sample JSON objects (nested objects become nested records, arrays
   * arrays of their elements' type). Keys are fields in the order first seen; non-object samples are ignored.
   */
  public static Schema fromJson(String name, List<JsonNode> samples) {
    Map<String, TypeGuess> fields = new LinkedHashMap<>();
    for (JsonNode sample : samples) {
      if (sample == null || !sample.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : sample.properties()) {
        fields.computeIfAbsent(e.getKey(), k -> new TypeGuess()).observeJson(e.getValue());
      }
    }
    ValidationException.check(!fields.isEmpty(),
        "Cannot infer a schema for '%s': the samples hold no JSON object with keys; give one with .withSchema(schema)",
        name);
    return TypeGuess.record(name, new ArrayList<>(fields.keySet()), new ArrayList<>(fields.values()));
  }
}
