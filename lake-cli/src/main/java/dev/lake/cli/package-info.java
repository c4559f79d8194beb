/**
 * The {@code lake} command: inspect, query and chart a lake from a terminal ({@code lake-cli/target/lake.jar}).
 *
 * <pre>{@code
 * java -jar lake-cli/target/lake.jar ls ./lake
 * java -jar lake-cli/target/lake.jar query "SELECT level, count(*) FROM songplays GROUP BY ALL"
 * }</pre>
 *
 * <p>{@link dev.lake.cli.LakeCli} is the entry point; the commands and their helpers are package-private.
 */
package dev.lake.cli;
