package dev.lake.internal.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The type of one column or key seen so far, widened as samples arrive: long and double give double, date and
 * timestamp give timestamp, anything else mixed gives string. Text shaped like an integer with a leading zero
 * ("007", a zip code) is a string, so that the zeros survive.
 *
 * <pre>{@code
 * TypeGuess g = new TypeGuess();
 * g.observeText("6");
 * g.observeText("2.5");
 * g.toSchema("row_quantity");   // double
 * }</pre>
 */
public final class TypeGuess {
  private enum Kind { NONE, BOOLEAN, LONG, DOUBLE, DATE, TIMESTAMP, STRING, RECORD, ARRAY }

  private Kind kind = Kind.NONE;
  private Map<String, TypeGuess> fields;
  private TypeGuess element;

  /** Widens by a text sample; empty text says nothing about the type. */
  public void observeText(String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    widen(classify(text));
  }

  /** Widens by a JSON sample; null says nothing about the type. */
  public void observeJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (!text.isEmpty()) {
        widen(dateTimeOrString(text));
      }
    } else if (node.isBoolean()) {
      widen(Kind.BOOLEAN);
    } else if (node.isIntegralNumber()) {
      widen(node.canConvertToLong() ? Kind.LONG : Kind.DOUBLE);
    } else if (node.isNumber()) {
      widen(Kind.DOUBLE);
    } else if (node.isObject()) {
      widen(Kind.RECORD);
      if (kind == Kind.RECORD) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          fields.computeIfAbsent(e.getKey(), k -> new TypeGuess()).observeJson(e.getValue());
        }
      }
    } else if (node.isArray()) {
      widen(Kind.ARRAY);
      if (kind == Kind.ARRAY) {
        node.forEach(element::observeJson);
      }
    } else {
      widen(Kind.STRING);
    }
  }

  /** The guessed (non-null) schema; nested records are named {@code name}. */
  public Schema toSchema(String name) {
    switch (kind) {
      case BOOLEAN:
        return Schema.create(Schema.Type.BOOLEAN);
      case LONG:
        return Schema.create(Schema.Type.LONG);
      case DOUBLE:
        return Schema.create(Schema.Type.DOUBLE);
      case DATE:
        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIMESTAMP:
        return LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case RECORD:
        return record(name, new ArrayList<>(fields.keySet()), new ArrayList<>(fields.values()));
      case ARRAY:
        return Schema.createArray(Nullability.nullable(element.toSchema(name + "_item")));
      default:
        return Schema.create(Schema.Type.STRING);
    }
  }

  /**
   * A record of nullable fields named after {@code names} (made valid for Avro: "Invoice No" becomes "Invoice_No",
   * with the original kept as the field's doc).
   */
  public static Schema record(String name, List<String> names, List<TypeGuess> guesses) {
    String recordName = Names.avroName(name, "Row");
    List<Schema.Field> out = new ArrayList<>(names.size());
    Set<String> used = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String original = names.get(i);
      String fieldName = Names.avroName(original, "column_" + (i + 1));
      String unique = fieldName;
      for (int n = 2; !used.add(unique); n++) {
        unique = fieldName + "_" + n;
      }
      Schema type = guesses.get(i).toSchema(recordName + "_" + unique);
      String doc = unique.equals(original) ? null : original;
      out.add(new Schema.Field(unique, Nullability.nullable(type), doc, JsonProperties.NULL_VALUE));
    }
    return Schema.createRecord(recordName, null, null, false, out);
  }

  private void widen(Kind seen) {
    if (kind == seen || kind == Kind.STRING) {
      return;
    }
    if (kind == Kind.NONE) {
      kind = seen;
      if (seen == Kind.RECORD) {
        fields = new LinkedHashMap<>();
      } else if (seen == Kind.ARRAY) {
        element = new TypeGuess();
      }
    } else if (isPair(Kind.LONG, Kind.DOUBLE, seen)) {
      kind = Kind.DOUBLE;
    } else if (isPair(Kind.DATE, Kind.TIMESTAMP, seen)) {
      kind = Kind.TIMESTAMP;
    } else {
      kind = Kind.STRING;
      fields = null;
      element = null;
    }
  }

  private boolean isPair(Kind a, Kind b, Kind seen) {
    return (kind == a && seen == b) || (kind == b && seen == a);
  }

  private static Kind classify(String text) {
    char first = text.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
      if (isInteger(text)) {
        return Kind.LONG;
      }
      if (TextValues.isNumber(text)) {
        return hasLeadingZero(text) ? Kind.STRING : Kind.DOUBLE;
      }
      return dateTimeOrString(text);
    }
    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? Kind.BOOLEAN : Kind.STRING;
  }

  /** A date alone ("2010-12-01"), a timestamp, or else a string. */
  private static Kind dateTimeOrString(String text) {
    return TextValues.isDateOnly(text) ? Kind.DATE : TextValues.toInstant(text) != null ? Kind.TIMESTAMP : Kind.STRING;
  }

  /** Digits with an optional sign, at most 18 of them, and no leading zero. */
  private static boolean isInteger(String text) {
    int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    int digits = text.length() - start;
    if (digits == 0 || digits > 18 || (digits > 1 && text.charAt(start) == '0')) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (!TextValues.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLeadingZero(String text) {
    int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    return text.length() > start + 1 && text.charAt(start) == '0' && TextValues.isDigit(text.charAt(start + 1));
  }
}
