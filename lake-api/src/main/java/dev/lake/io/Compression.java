package dev.lake.io;

/**
 * Compression codecs. Parquet and Avro compress inside the file (Snappy, ZSTD, GZIP); JSON Lines and CSV compress
 * the whole file (GZIP, adding {@code .gz}).
 *
 * <pre>{@code
 * lake.processed("sales").compression(Compression.ZSTD);
 * }</pre>
 */
public enum Compression {
  NONE,
  SNAPPY,
  ZSTD,
  GZIP
}
