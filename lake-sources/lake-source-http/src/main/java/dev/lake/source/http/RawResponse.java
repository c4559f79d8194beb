package dev.lake.source.http;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP response kept verbatim for the raw zone: the request (method and URL, secrets redacted), the status, the
 * headers (secrets removed) and the body as received. Rows of this type are what {@link HttpSource} yields, what
 * {@code lake.raw("api-football", "fixtures")} stores, and what {@link HttpSource#replay} reads back.
 *
 * <pre>{@code
 * // given: RestClient client, List<RestRequest> requests
 * Pipeline.from(HttpSource.live(client, requests)).to(lake.raw("api-football", "fixtures")).run();
 * }</pre>
 *
 * @param source the API, e.g. {@code "api-football"}
 * @param dataset the dataset (endpoint) the request belongs to, e.g. {@code "fixtures"}
 * @param request the logical request's key (its path and parameters without the page), stable across pages
 * @param page the page number within the request, from 1
 * @param method the HTTP method
 * @param url the full URL with secret query parameters replaced by {@code ****}
 * @param status the HTTP status code
 * @param headers response headers, lower-cased, multiple values joined by {@code ", "}, secrets removed
 * @param body the response body as text
 * @param fetchedAt when the response arrived
 */
public record RawResponse(String source, String dataset, String request, int page, String method, String url,
    int status, Map<String, String> headers, String body, Instant fetchedAt) {

  public RawResponse {
    headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
    body = body == null ? "" : body;
  }

  /** A header's value (case-insensitive name), or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** True for 2xx statuses. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return method + " " + url + " -> " + status + " (" + body.length() + " chars)";
  }
}
