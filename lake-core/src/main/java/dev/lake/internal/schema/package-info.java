/**
 * Internal implementation (schema); not API: it may change in any release. Use the types in {@code dev.lake} and
 * {@code dev.lake.io} instead.
 */
package dev.lake.internal.schema;
