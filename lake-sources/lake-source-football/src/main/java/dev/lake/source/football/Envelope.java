package dev.lake.source.football;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.RestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The v3 envelope: {get, parameters, errors, results, paging, response}. Errors inside a 200 become exceptions; so do
 * a v2 response ({@code {"api": {...}}}) and a response to another endpoint than the parser's, each named with the
 * fix. A body holding several envelopes (pages joined in one capture) gives every one.
 */
final class Envelope {
  /** The parser of each endpoint, for messages that name the right one. */
  private static final Map<String, String> PARSERS = Map.of("fixtures", "fixtures", "fixtures/statistics",
      "statistics", "fixtures/events", "events", "fixtures/lineups", "lineups", "players", "players", "standings",
      "standings", "leagues", "leagues", "teams", "teams");

  final JsonNode root;
  final String url;

  private Envelope(JsonNode root, String url) {
    this.root = root;
    this.url = url;
  }

  /** The rows {@code parser} reads from every envelope of the response, in order. */
  static <T> List<T> parse(RawResponse raw, String expected, Function<Envelope, List<T>> parser) {
    List<JsonNode> documents;
    try {
      documents = RestClient.jsonDocuments(raw);
    } catch (RuntimeException e) {
      throw new ApiFootballException(e.getMessage());
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String where = raw.url() + (documents.size() > 1 ? " (document " + (i + 1) + " of " + documents.size() + ")"
          : "");
      out.addAll(parser.apply(of(documents.get(i), where, expected)));
    }
    return out;
  }

  private static Envelope of(JsonNode root, String where, String expected) {
    if (root.path("api").isObject() && root.path("response").isMissingNode()) {
      throw v2(root.path("api"), where);
    }
    Envelope env = new Envelope(root, where);
    env.checkErrors();
    String get = JsonFields.text(root, "/get");
    if (expected != null && get != null && !get.equals(expected)) {
      String parser = PARSERS.get(get);
      throw new ApiFootballException("Expected a response to '" + expected + "' but got one to '" + get + "' at "
          + where + (parser != null ? ": parse it with ApiFootball::" + parser
          : ": no parser of ApiFootball reads '" + get + "'"));
    }
    if (!root.path("response").isArray()) {
      throw new ApiFootballException("Expected an array at $.response but was " + root.path("response").getNodeType()
          + " in the response to " + where);
    }
    return env;
  }

  /** A v2 response, named as such: what it holds and how to capture v3 instead. */
  private static ApiFootballException v2(JsonNode api, String where) {
    List<String> holds = new ArrayList<>();
    api.fieldNames().forEachRemaining(f -> {
      if (!f.equals("results")) {
        holds.add("api." + f);
      }
    });
    return new ApiFootballException("This is an API-Football v2 response ({\"api\": {\"results\": "
        + api.path("results").asText("?") + (holds.isEmpty() ? "" : ", " + String.join(", ", holds)) + "}}) at "
        + where + "; Lake reads API-Football v3 ({\"get\": ..., \"response\": [...]}), whose fields differ. Capture "
        + "it again from v3 with ApiFootball.apiSports(key) or ApiFootball.rapidApi(key)");
  }

  private void checkErrors() {
    JsonNode errors = root.path("errors");
    List<String> found = new ArrayList<>();
    if (errors.isObject()) {
      for (Map.Entry<String, JsonNode> e : errors.properties()) {
        found.add("parameter '" + e.getKey() + "': " + e.getValue().asText());
      }
    } else if (errors.isArray()) {
      for (JsonNode e : errors) {
        if (e.isObject()) {
          e.properties().forEach(f -> found.add("parameter '" + f.getKey() + "': " + f.getValue().asText()));
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
