package dev.lake.source.football;

import dev.lake.exceptions.SchemaException;

/**
 * API-Football answered 200 but reported an error in its {@code errors} field (a bad or missing parameter, a spent
 * quota, a wrong key), or a response could not be read as the endpoint's type. The message names the parameter and
 * the request. It is a {@link SchemaException} (the response does not fit the endpoint's shape), so a pipeline's
 * parse step rejects that response, with this message, instead of failing the run.
 *
 * <pre>{@code
 * // given: RawResponse raw
 * try { ApiFootball.teams(raw); } catch (ApiFootballException e) { System.err.println(e.getMessage()); }
 * // API-Football rejected parameter 'league' of https://.../teams?league=39&search=Leipzig: The League field ...
 * }</pre>
 */
public class ApiFootballException extends SchemaException {
  private static final long serialVersionUID = 1L;

  public ApiFootballException(String message) {
    super(message);
  }
}
