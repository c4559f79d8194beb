/**
 * The tweets use case: Twitter v2 search pages into a day-partitioned dataset, incrementally, with external-table DDL.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar tweets
 * }</pre>
 */
package dev.lake.examples.tweets;
