package dev.lake.source.http;

import dev.lake.exceptions.SourceException;

/**
 * The request budget is spent. {@link HttpSource} catches it, ends the run cleanly with what it has, and leaves the
 * cursor at the last complete request; {@link RestClient#get} lets it through to direct callers.
 *
 * <pre>{@code
 * // given: RestClient client, RestRequest request
 * try {
 *   RawResponse page = client.get(request);
 * } catch (QuotaExhaustedException e) {
 *   System.err.println(e.getMessage());   // the budget is spent: try again in the next period
 * }
 * }</pre>
 */
public class QuotaExhaustedException extends SourceException {
  private static final long serialVersionUID = 1L;

  public QuotaExhaustedException(String message) {
    super("http", message, null, true, 0);
  }
}
