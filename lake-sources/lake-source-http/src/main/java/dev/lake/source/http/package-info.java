/**
 * A REST toolkit for sources: {@link dev.lake.source.http.RestClient} (quotas, retries, {@code Retry-After}, request
 * timeouts, secrets redacted), {@link dev.lake.source.http.Paging} strategies, and
 * {@link dev.lake.source.http.HttpSource}, which captures every response verbatim for the raw zone and replays it
 * from there without network or quota.
 *
 * <pre>{@code
 * Pipeline.from(HttpSource.live(client, plan)).to(lake.raw("api-football", "fixtures")).run();
 * }</pre>
 */
package dev.lake.source.http;
