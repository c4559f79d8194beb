package dev.lake.io;

/**
 * Compression codecs. Parquet and Avro compress inside the file (Snappy, ZSTD, GZIP); JSON Lines and CSV compress
 * the whole file (GZIP, adding {@code .gz}).
 *
 * <pre>{@code
 * lake.dataset("sales").compression(Compression.ZSTD).build();
 * }</pre>
 */
public enum Compression {
  NONE,
  SNAPPY,
  ZSTD,
  GZIP
}
