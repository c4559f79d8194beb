/**
 * Side-by-side benchmarks; each prints its figures and ratios.
 *
 * <pre>{@code
 * cd benchmarks && mvn -q exec:java
 * }</pre>
 */
package dev.lake.benchmarks;
