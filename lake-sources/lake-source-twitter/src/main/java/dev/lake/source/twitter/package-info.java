/**
 * Twitter (X) API v2 recent search: {@link dev.lake.source.twitter.RecentSearch} and the
 * {@link dev.lake.source.twitter.Tweet} rows with their authors and media joined in.
 *
 * <pre>{@code
 * Source<RawResponse> pages = RecentSearch.query("#brexit").withBearerToken(Secret.fromEnv("TOKEN")).source();
 * }</pre>
 */
package dev.lake.source.twitter;
