package dev.lake.io;

/**
 * The file formats Lake writes and reads.
 *
 * <pre>{@code
 * lake.processed("sales").format(FileFormat.PARQUET).compression(Compression.ZSTD);
 * }</pre>
 */
public enum FileFormat {
  /** Apache Parquet, columnar; Snappy by default. For the processed zone. */
  PARQUET("parquet"),
  /** Avro object container files. */
  AVRO("avro"),
  /** One JSON object per line; gzip by default. For the raw and rejected zones. */
  JSON_LINES("jsonl"),
  /** Comma-separated values with a header line. */
  CSV("csv");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension without a dot and without the compression suffix, e.g. {@code "parquet"}. */
  public String extension() {
    return extension;
  }
}
