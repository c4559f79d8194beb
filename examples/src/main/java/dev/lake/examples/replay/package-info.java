/**
 * Recorded API responses bundled in {@code data/} as a raw zone, replayed through the connectors' parsers.
 *
 * <pre>{@code
 * Source<RawResponse> fixtures = RecordedResponses.of("api-football", "fixtures", dataDir.resolve("api_football/fixtures/"));
 * }</pre>
 */
package dev.lake.examples.replay;
