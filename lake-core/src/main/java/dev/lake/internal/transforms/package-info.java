/**
 * Internal implementation (the steps behind {@code dev.lake.transforms} types such as {@code Buffer}); not API: it
 * may change in any release. Use {@code Pipeline.buffer}, {@code Pipeline.aggregate} and {@code dev.lake.transforms}
 * instead.
 */
package dev.lake.internal.transforms;
