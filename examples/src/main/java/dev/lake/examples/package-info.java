/**
 * The examples' command line ({@code lake-examples.jar}); one package per use case.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar all
 * }</pre>
 */
package dev.lake.examples;
