package dev.lake.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.exceptions.ValidationException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a request's next page is asked for, given the parameters of the page just fetched and its JSON body.
 *
 * <pre>{@code
 * Paging football = Paging.pageNumbers("page", "/paging/current", "/paging/total");   // API-Football
 * Paging twitter = Paging.nextToken("next_token", "/meta/next_token");              // Twitter v2 recent search
 * Paging opaque = Paging.cursor("cursor", "/next_cursor");                           // opaque cursors
 * }</pre>
 */
@FunctionalInterface
public interface Paging extends Serializable {

  /** The parameters of the next page, or empty when {@code body} was the last page. */
  Optional<Map<String, String>> next(Map<String, String> params, JsonNode body);

  /** One page only. */
  static Paging none() {
    return (params, body) -> Optional.empty();
  }

  /**
   * Numbered pages with a total: the next page is {@code current + 1} while it does not exceed the total read at
   * {@code totalPointer} (JSON Pointer). The current page is read at {@code currentPointer}, else from the parameter.
   */
  static Paging pageNumbers(String param, String currentPointer, String totalPointer) {
    return (params, body) -> {
      JsonNode cur = body.at(currentPointer);
      long current = cur.canConvertToLong() ? cur.asLong() : pageNumber(param, params.getOrDefault(param, "1"));
      JsonNode total = body.at(totalPointer);
      if (!total.canConvertToLong() || current >= total.asLong()) {
        return Optional.empty();
      }
      Map<String, String> next = new LinkedHashMap<>(params);
      next.put(param, Long.toString(current + 1));
      return Optional.of(next);
    };
  }

  /** The page number in the request's parameter {@code param}, or a ValidationException naming it and the fix. */
  private static long pageNumber(String param, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new ValidationException("Paging by page numbers: the request's parameter '" + param + "' is '" + value
          + "', not a page number, and the response has none either: start at a whole number, e.g. "
          + ".param(\"" + param + "\", 1), or leave it out to start at 1");
    }
  }

  /** A next-page token read at {@code pointer} and sent back as {@code param}; absent or empty ends paging. */
  static Paging nextToken(String param, String pointer) {
    return (params, body) -> {
      JsonNode token = body.at(pointer);
      if (!token.isValueNode() || token.asText().isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> next = new LinkedHashMap<>(params);
      next.put(param, token.asText());
      return Optional.of(next);
    };
  }

  /** An opaque cursor: the same contract as {@link #nextToken}, named for APIs that call it a cursor. */
  static Paging cursor(String param, String pointer) {
    return nextToken(param, pointer);
  }

  /** This strategy, stopping after {@code pages} pages in all. */
  default Paging maxPages(int pages) {
    Paging self = this;
    String counter = "\u0000pages";
    return (params, body) -> {
      int seen = Integer.parseInt(params.getOrDefault(counter, "1"));
      if (seen >= pages) {
        return Optional.empty();
      }
      Map<String, String> clean = new LinkedHashMap<>(params);
      clean.remove(counter);
      return self.next(clean, body).map(n -> {
        Map<String, String> m = new LinkedHashMap<>(n);
        m.put(counter, Integer.toString(seen + 1));
        return m;
      });
    };
  }
}
