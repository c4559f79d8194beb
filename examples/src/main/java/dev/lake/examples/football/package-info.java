/**
 * The football use case: API-Football fixtures and match statistics, team codes, and the sentiment of tweets that
 * name the teams.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar football
 * }</pre>
 */
package dev.lake.examples.football;
