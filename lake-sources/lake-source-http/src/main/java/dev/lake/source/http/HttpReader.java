package dev.lake.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.io.BadRow;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Walks the planned requests page by page, proposing cursors as each request completes. */
final class HttpReader implements SourceReader<RawResponse> {
  private final RestClient client;
  private final List<RestRequest> requests;
  private final Map<String, String> maxCursors;
  private final SourceContext ctx;

  private int index = -1;
  private Map<String, String> params;
  private int page;
  private RawResponse next;
  private boolean done;
  private boolean failed;
  private String position = "";
  private final Map<String, String> maxima = new HashMap<>();

  HttpReader(RestClient client, List<RestRequest> requests, Map<String, String> maxCursors, SourceContext ctx) {
    this.client = client;
    this.requests = requests;
    this.maxCursors = maxCursors;
    this.ctx = ctx;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      advance();
    }
    return next != null;
  }

  private void advance() {
    if (params == null) {
      index++;
      if (index >= requests.size()) {
        done = true;
        return;
      }
      params = requests.get(index).params();
      page = 1;
      maxima.clear();
    }
    RestRequest req = requests.get(index);
    RawResponse r;
    try {
      r = client.fetch(req, params, page);
    } catch (QuotaExhaustedException e) {
      HttpSource.warn(client.connector() + ": " + e.getMessage() + " (" + index + " of " + requests.size()
          + " requests complete; next: " + req + ")");
      done = true;
      return;
    } catch (MalformedResponseException e) {
      ctx.reject(BadRow.of(client.connector(), e.getMessage(), e.url(),
          e.response() == null ? "" : e.response().body()));
      failed = true;
      params = null;
      return;
    }
    position = r.url();
    JsonNode body = JsonBodies.first(r);
    maxCursors.forEach((key, pointer) -> {
      JsonNode v = body.at(pointer);
      if (v.isValueNode() && !v.asText().isEmpty()) {
        maxima.merge(key, v.asText(), HttpReader::max);
      }
    });
    Optional<Map<String, String>> following = req.paging().next(params, body);
    if (following.isPresent()) {
      params = following.get();
      page++;
    } else {
      complete(req);
      params = null;
    }
    next = r;
  }

  private void complete(RestRequest req) {
    if (failed) {
      return; // a cursor past a failed request would skip it for good
    }
    req.cursors().forEach(ctx::proposeCursor);
    maxima.forEach((key, value) -> ctx.proposeCursor(key, ctx.cursor(key).map(c -> max(c, value)).orElse(value)));
  }

  /** Numbers compare as numbers (ids longer than a long included), other text lexically. */
  static String max(String a, String b) {
    boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
    int c = numeric && a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    return c >= 0 ? a : b;
  }

  @Override
  public RawResponse next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawResponse r = next;
    next = null;
    return r;
  }

  @Override
  public String position() {
    return position;
  }

  @Override
  public void close() {}
}
