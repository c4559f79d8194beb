package dev.lake.source.http;

/**
 * A 2xx response whose body is not complete JSON, still so after retries. {@link HttpSource} rejects it (position:
 * the request URL; value: the body) instead of failing the run.
 *
 * <pre>{@code
 * // given: RestClient client, RestRequest request, List<RawResponse> malformed
 * try {
 *   RawResponse page = client.get(request);
 * } catch (MalformedResponseException e) {
 *   malformed.add(e.response());   // keep the body to look at; the message names the request
 * }
 * }</pre>
 */
public class MalformedResponseException extends RestException {
  private static final long serialVersionUID = 1L;
  private final transient RawResponse response;

  public MalformedResponseException(String connector, String url, int status, String message, int attempts,
      RawResponse response) {
    super(connector, url, status, message, null, true, attempts);
    this.response = response;
  }

  /** The last response as received (secrets redacted). */
  public RawResponse response() {
    return response;
  }
}
