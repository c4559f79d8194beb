/**
 * The service provider interface: sources, sinks, object stores and file formats. Implement these to add a
 * connector; the in-memory source and sink and the contract tests a connector's tests extend are in the lake-testing
 * artifact ({@code dev.lake.testing}).
 *
 * <pre>{@code
 * Source<Sale> none = Source.empty("no-sales");
 * }</pre>
 */
package dev.lake.io;
