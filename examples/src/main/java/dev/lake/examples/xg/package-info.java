/**
 * The expected-vs-actual use case: Understat expected goals and points for the Premier League 2020/21.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar xg
 * }</pre>
 */
package dev.lake.examples.xg;
