/**
 * Internal implementation (values: text, JSON and Java values converted to the Java value an Avro schema calls for);
 * not API: it may change in any release. Needs nothing of {@code dev.lake} but lake-api's exceptions. Use
 * {@code dev.lake.io.Fields} and {@code dev.lake.Rows} instead.
 */
package dev.lake.internal.values;
