package dev.lake.format;

import dev.lake.internal.format.Formats;
import dev.lake.io.FileFormat;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectWriter;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Opens writers and readers for the {@link FileFormat}s: for connectors that write or read data files themselves
 * (the Iceberg sink, the CLI). Parquet is written and read without Hadoop on the classpath; a Parquet file in a store
 * that gives its {@linkplain ObjectStore#localPath local path} is read from that path directly.
 *
 * <pre>{@code
 * // given: WriteSpec spec, URI uri, GenericRecord row
 * try (RowFileWriter w = FileFormats.newWriter(spec, store.newWriter(uri))) {
 *   w.write(row);
 *   w.commit();
 * }
 * try (SourceReader<GenericRecord> r = FileFormats.newReader(FileFormat.PARQUET, store, uri, null)) {
 *   r.forEachRemaining(System.out::println);
 * }
 * }</pre>
 */
public final class FileFormats {
  private FileFormats() {}

  /** A writer that writes one file into {@code out} and commits it on {@link RowFileWriter#commit()}. */
  public static RowFileWriter newWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    return Formats.newWriter(spec, out);
  }

  /**
   * Reads a file written by {@link #newWriter} back as generic rows; logical types come back as Java values
   * (Instant, LocalDate, LocalDateTime, BigDecimal). Compression is detected from the file name or content.
   *
   * @param schema the expected schema, required for CSV and JSON Lines; {@code null} for Parquet and Avro (read from
   *     the file)
   */
  public static SourceReader<GenericRecord> newReader(FileFormat format, ObjectStore store, URI uri, Schema schema)
      throws IOException {
    return Formats.newReader(format, store, uri, schema);
  }
}
