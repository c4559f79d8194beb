package dev.lake.source.http;

import dev.lake.exceptions.SourceException;

/**
 * The request budget is spent. {@link HttpSource} catches it, ends the run cleanly with what it has, and leaves the
 * cursor at the last complete request; {@link RestClient#get} lets it through to direct callers.
 *
 * <pre>{@code
 * try { client.get(request); } catch (QuotaExhaustedException e) { log.warn(e.getMessage()); }
 * }</pre>
 */
public class QuotaExhaustedException extends SourceException {
  private static final long serialVersionUID = 1L;

  public QuotaExhaustedException(String message) {
    super("http", message, null, true, 0);
  }
}
