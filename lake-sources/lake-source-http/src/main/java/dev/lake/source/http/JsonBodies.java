package dev.lake.source.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.io.Decoding;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading response bodies as what they hold: one JSON document, several one after another (a capture that joined
 * pages, JSON Lines), or text that is not valid in its charset. Every document is read, or the body is refused with
 * the reason, the document and the line; nothing after a first document is ever dropped in silence.
 *
 * <pre>{@code
 * List<JsonNode> pages = JsonBodies.documents(raw);          // RestClient.jsonDocuments
 * String bad = JsonBodies.invalidText(bytes, headers);        // "invalid UTF-8 at byte 7 of line 3", or null
 * }</pre>
 */
final class JsonBodies {
  private static final ObjectMapper JSON = RestClient.JSON;

  private JsonBodies() {}

  /** Every JSON document of the body, in order; a malformed one, or none at all, refuses the body. */
  static List<JsonNode> documents(RawResponse response) {
    List<JsonNode> out = new ArrayList<>();
    try (JsonParser parser = JSON.getFactory().createParser(response.body())) {
      while (parser.nextToken() != null) {
        out.add(JSON.readTree(parser));
      }
    } catch (JsonProcessingException e) {
      String which = out.isEmpty() ? "" : " document " + (out.size() + 1) + " of";
      throw new RestException("http", response.url(), response.status(), "Malformed JSON in" + which
          + " the response to " + response.url() + ": " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + (out.isEmpty() ? ""
          : " (the " + out.size() + " document(s) before it are fine; the response is refused whole)"),
          null, false, 1);
    } catch (IOException e) {
      throw new RestException("http", response.url(), response.status(), "Cannot read the response to "
          + response.url() + ": " + e.getMessage(), e, false, 1);
    }
    if (out.isEmpty()) {
      throw new RestException("http", response.url(), response.status(), "The response to " + response.url()
          + " holds no JSON document (its body is " + (response.body().isEmpty() ? "empty" : "blank") + ")", null,
          false, 1);
    }
    return out;
  }

  /** The one JSON document of the body; a body holding several is refused, naming how many and what to call. */
  static JsonNode one(RawResponse response) {
    List<JsonNode> documents = documents(response);
    if (documents.size() > 1) {
      throw new RestException("http", response.url(), response.status(), "The response to " + response.url()
          + " holds " + documents.size() + " JSON documents one after another (pages joined in one capture, or JSON "
          + "Lines): read every one with RestClient.jsonDocuments(response)", null, false, 1);
    }
    return documents.get(0);
  }

  /** The first document of a live body (checked complete before), for paging and cursors. */
  static JsonNode first(RawResponse response) {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      return JSON.missingNode();
    }
  }

  /** Why {@code body} is not valid text in the charset its headers name (UTF-8 by default), or null. */
  static String invalidText(byte[] body, Map<String, String> headers) {
    return Decoding.check(body, charset(headers));
  }

  /** The charset of a {@code content-type} header ({@code application/json; charset=ISO-8859-1}); UTF-8 if none. */
  static Charset charset(Map<String, String> headers) {
    String type = headers.get("content-type");
    if (type != null) {
      for (String part : type.split(";")) {
        String p = part.trim();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").trim());
          } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
