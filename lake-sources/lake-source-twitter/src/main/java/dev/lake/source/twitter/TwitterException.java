package dev.lake.source.twitter;

import dev.lake.exceptions.SchemaException;

/**
 * A search response carried only errors, or could not be read. A {@link SchemaException}, so a pipeline's parse step
 * rejects that response (with this message) instead of failing the run.
 *
 * <pre>{@code
 * // given: RawResponse raw
 * try { RecentSearch.tweets(raw); } catch (TwitterException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class TwitterException extends SchemaException {
  private static final long serialVersionUID = 1L;

  public TwitterException(String message) {
    super(message);
  }
}
