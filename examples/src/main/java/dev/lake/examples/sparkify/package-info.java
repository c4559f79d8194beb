/**
 * The Sparkify use case: song and event logs into a star schema (songplays, users, songs, artists, time).
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar sparkify
 * }</pre>
 */
package dev.lake.examples.sparkify;
