package dev.lake.source.football;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant reads: a missing or null field is null, never "0" or "null". */
final class JsonFields {
  private JsonFields() {}

  static JsonNode at(JsonNode n, String pointer) {
    return n.at(pointer);
  }

  static String text(JsonNode n, String pointer) {
    JsonNode v = n.at(pointer);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  static Integer integer(JsonNode n, String pointer) {
    JsonNode v = n.at(pointer);
    if (v.isNumber()) {
      return v.intValue();
    }
    if (v.isTextual()) {
      try {
        return Integer.parseInt(v.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static Long number(JsonNode n, String pointer) {
    JsonNode v = n.at(pointer);
    if (v.isNumber()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static Boolean bool(JsonNode n, String pointer) {
    JsonNode v = n.at(pointer);
    return v.isBoolean() ? v.booleanValue() : null;
  }
}
