package dev.lake.source.football;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.RestClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The v3 envelope: {get, parameters, errors, results, paging, response}. Errors inside a 200 become exceptions. */
final class Envelope {
  final JsonNode root;
  final String url;

  private Envelope(JsonNode root, String url) {
    this.root = root;
    this.url = url;
  }

  static Envelope of(RawResponse raw, String expected) {
    JsonNode root;
    try {
      root = RestClient.json(raw);
    } catch (RuntimeException e) {
      throw new ApiFootballException(e.getMessage());
    }
    Envelope env = new Envelope(root, raw.url());
    env.checkErrors();
    String get = Json.text(root, "/get");
    if (expected != null && get != null && !get.equals(expected)) {
      throw new ApiFootballException("Expected a response to '" + expected + "' but got one to '" + get + "' at "
          + raw.url());
    }
    if (!root.path("response").isArray()) {
      throw new ApiFootballException("Expected an array at $.response but was " + root.path("response").getNodeType()
          + " in the response to " + raw.url());
    }
    return env;
  }

  private void checkErrors() {
    JsonNode errors = root.path("errors");
    List<String> found = new ArrayList<>();
    if (errors.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        found.add("parameter '" + e.getKey() + "': " + e.getValue().asText());
      }
    } else if (errors.isArray()) {
      for (JsonNode e : errors) {
        if (e.isObject()) {
          e.fields().forEachRemaining(f -> found.add("parameter '" + f.getKey() + "': " + f.getValue().asText()));
        } else {
          found.add(e.asText());
        }
      }
    }
    if (!found.isEmpty()) {
      throw new ApiFootballException("API-Football rejected " + String.join("; ", found) + " (request " + url + ")");
    }
  }

  Iterable<JsonNode> items() {
    return root.path("response");
  }

  long param(String name) {
    return root.at("/parameters/" + name).asLong();
  }

  String where(int index) {
    return url + " $.response[" + index + "]";
  }
}
