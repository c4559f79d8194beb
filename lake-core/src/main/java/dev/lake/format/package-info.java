/**
 * Writers and readers of Lake's file formats (Parquet, Avro, JSON Lines, CSV) over any {@link dev.lake.io.ObjectStore},
 * for connectors that handle data files themselves. Pipelines do not need it: a sink writes its files.
 *
 * <pre>{@code
 * // given: WriteSpec spec, ObjectStore store, URI uri, GenericRecord row
 * try (RowFileWriter w = FileFormats.newWriter(spec, store.newWriter(uri))) {
 *   w.write(row);
 *   w.commit();
 * }
 * }</pre>
 */
package dev.lake.format;
