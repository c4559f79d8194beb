/**
 * The service provider interface: sources, sinks, object stores and file formats, plus in-memory test
 * doubles. Implement these to add a connector.
 *
 * <pre>{@code
 * Source<Sale> source = InMemorySource.of("sales", sales);
 * }</pre>
 */
package dev.lake.io;
