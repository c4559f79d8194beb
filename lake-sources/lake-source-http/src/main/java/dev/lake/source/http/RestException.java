package dev.lake.source.http;

import dev.lake.exceptions.SourceException;

/**
 * A request failed for good: a client error, or retries ran out. Names the request (secrets redacted), the status
 * (0 when no response arrived) and the reason.
 *
 * <pre>{@code
 * // given: RestClient client, RestRequest request
 * try {
 *   RawResponse page = client.get(request);
 * } catch (RestException e) {
 *   if (e.status() == 401) System.err.println("the API key was refused: " + e.getMessage());
 *   throw e;
 * }
 * }</pre>
 */
public class RestException extends SourceException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String url;

  public RestException(String connector, String url, int status, String message, Throwable cause, boolean retryable,
      int attempts) {
    super(connector, message, cause, retryable, attempts);
    this.status = status;
    this.url = url;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The request URL with secrets redacted. */
  public String url() {
    return url;
  }
}
