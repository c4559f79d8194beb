package dev.lake.io;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * How to write one file: format, compression, the file's schema, and the model that reads fields from row objects.
 *
 * <pre>{@code
 * WriteSpec spec = WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, schema, Rows.model(Sale.class));
 * }</pre>
 *
 * @param format the file format
 * @param compression the codec; {@code null} means the format's default (Snappy for Parquet and Avro, gzip for JSON
 *     Lines, none for CSV)
 * @param schema the schema of the file (a record schema); may omit fields of the row (partition columns)
 * @param model reads fields of row objects by name: {@code model.getField(row, fieldName, pos)}, where {@code pos}
 *     must be ignored as it refers to {@code schema}, not to the row's own layout
 * @param rowGroupBytes Parquet row group size in bytes (memory held per open Parquet file)
 */
public record WriteSpec(FileFormat format, Compression compression, Schema schema, GenericData model,
    long rowGroupBytes) {

  public static final long DEFAULT_ROW_GROUP_BYTES = 32L * 1024 * 1024;

  public WriteSpec {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(model, "model");
    if (compression == null) {
      compression = switch (format) {
        case PARQUET, AVRO -> Compression.SNAPPY;
        case JSON_LINES -> Compression.GZIP;
        case CSV -> Compression.NONE;
      };
    }
    if (rowGroupBytes <= 0) {
      rowGroupBytes = DEFAULT_ROW_GROUP_BYTES;
    }
  }

  public static WriteSpec of(FileFormat format, Compression compression, Schema schema, GenericData model) {
    return new WriteSpec(format, compression, schema, model, DEFAULT_ROW_GROUP_BYTES);
  }

  /** The file name suffix, e.g. {@code ".parquet"}, {@code ".jsonl.gz"}. */
  public String suffix() {
    boolean wholeFileGzip = (format == FileFormat.JSON_LINES || format == FileFormat.CSV)
        && compression == Compression.GZIP;
    return "." + format.extension() + (wholeFileGzip ? ".gz" : "");
  }
}
