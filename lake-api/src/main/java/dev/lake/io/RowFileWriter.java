package dev.lake.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes rows into one file of a given {@link FileFormat}. {@link #commit()} finishes the file and publishes it;
 * {@link #close()} without a commit discards it. Not thread-safe.
 *
 * <pre>{@code
 * // given: WriteSpec spec, URI uri, List<GenericRecord> rows
 * try (RowFileWriter w = FileFormats.newWriter(spec, store.newWriter(uri))) {
 *   for (GenericRecord row : rows) {
 *     w.write(row);
 *   }
 *   w.commit();
 * }
 * }</pre>
 */
public interface RowFileWriter extends Closeable {

  /** Writes one row (a Java record or a GenericRecord, read through the spec's model). */
  void write(Object row) throws IOException;

  /** Rows written so far. */
  long rows();

  /** Bytes written so far, including data still buffered in memory (for rolling files by size). */
  long bytes();

  /**
   * The per-column figures of the file, once committed, for formats that keep them (Parquet); empty otherwise and
   * before the commit.
   */
  default java.util.Optional<FileMetrics> metrics() {
    return java.util.Optional.empty();
  }

  /** Finishes and publishes the file. */
  void commit() throws IOException;

  /** Discards the file unless committed. Idempotent. */
  @Override
  void close() throws IOException;
}
