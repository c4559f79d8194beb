package dev.lake.source.http;

import dev.lake.exceptions.ValidationException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One logical GET request (all its pages): the dataset it belongs to, a path relative to the client's base URI, query
 * parameters in order, how to page, and the cursors to propose once every page has arrived. Immutable.
 *
 * <pre>{@code
 * RestRequest req = RestRequest.get("fixtures", "/fixtures")
 *     .param("league", 39).param("season", 2020).param("date", "2020-12-12")
 *     .cursor("last_date", "2020-12-12");     // proposed after its last page, saved after the commit
 * }</pre>
 */
public final class RestRequest implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String dataset;
  private final String path;
  private final LinkedHashMap<String, String> params;
  private final Paging paging;
  private final LinkedHashMap<String, String> cursors;

  private RestRequest(String dataset, String path, Map<String, String> params, Paging paging,
      Map<String, String> cursors) {
    this.dataset = dataset;
    this.path = path;
    this.params = new LinkedHashMap<>(params);
    this.paging = paging;
    this.cursors = new LinkedHashMap<>(cursors);
  }

  /** A GET of {@code path} (relative to the base URI) for {@code dataset}, unpaged. */
  public static RestRequest get(String dataset, String path) {
    ValidationException.check(dataset != null && !dataset.isBlank(), "A dataset name is required");
    ValidationException.check(path != null && path.startsWith("/"), "The path must start with '/': %s", path);
    return new RestRequest(dataset, path, Map.of(), Paging.none(), Map.of());
  }

  /** Adds a query parameter; a null value is left out. */
  public RestRequest param(String name, Object value) {
    if (value == null) {
      return this;
    }
    ValidationException.check(name != null && !name.isBlank(), "A parameter name is required");
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put(name, String.valueOf(value));
    return new RestRequest(dataset, path, p, paging, cursors);
  }

  /** How to fetch the following pages. */
  public RestRequest paging(Paging strategy) {
    return new RestRequest(dataset, path, params, java.util.Objects.requireNonNull(strategy, "paging"), cursors);
  }

  /** A cursor to propose once all pages of this request arrived (saved only after the run commits). */
  public RestRequest cursor(String key, String value) {
    Map<String, String> c = new LinkedHashMap<>(cursors);
    c.put(key, value);
    return new RestRequest(dataset, path, params, paging, c);
  }

  public String dataset() {
    return dataset;
  }

  public String path() {
    return path;
  }

  public Map<String, String> params() {
    return java.util.Collections.unmodifiableMap(params);
  }

  public Paging paging() {
    return paging;
  }

  public Map<String, String> cursors() {
    return java.util.Collections.unmodifiableMap(cursors);
  }

  /** The path and query, e.g. {@code /fixtures?league=39&season=2020}; with the given parameters instead. */
  String pathAndQuery(Map<String, String> query) {
    if (query.isEmpty()) {
      return path;
    }
    return path + "?" + query.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** A stable key: the path and the first page's parameters. */
  public String key() {
    return pathAndQuery(params);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestRequest r && r.dataset.equals(dataset) && r.key().equals(key())
        && r.cursors.equals(cursors);
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return "GET " + key();
  }
}
