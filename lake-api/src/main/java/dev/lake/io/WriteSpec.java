package dev.lake.io;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * How to write one file: format, compression, the file's schema, and the model that reads fields from row objects.
 *
 * <pre>{@code
 * WriteSpec spec = WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, schema, Rows.model(Sale.class));
 * WriteSpec smallGroups = spec.toBuilder().rowGroupBytes(8L * 1024 * 1024).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new setting is not a breaking change for the
 * writers that take it. Format, schema and model are required; a null compression is the format's default and a
 * row group size that is not positive {@link #DEFAULT_ROW_GROUP_BYTES}.
 */
public final class WriteSpec {

  /** The Parquet row group size unless one is set: 32 MiB. */
  public static final long DEFAULT_ROW_GROUP_BYTES = 32L * 1024 * 1024;

  private final FileFormat format;
  private final Compression compression;
  private final Schema schema;
  private final GenericData model;
  private final long rowGroupBytes;

  private WriteSpec(Builder b) {
    format = Objects.requireNonNull(b.format, "format");
    schema = Objects.requireNonNull(b.schema, "schema");
    model = Objects.requireNonNull(b.model, "model");
    compression = b.compression != null ? b.compression : switch (format) {
      case PARQUET, AVRO -> Compression.SNAPPY;
      case JSON_LINES -> Compression.GZIP;
      case CSV -> Compression.NONE;
    };
    rowGroupBytes = b.rowGroupBytes > 0 ? b.rowGroupBytes : DEFAULT_ROW_GROUP_BYTES;
  }

  /** A builder: nothing set; format, schema and model must be before {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A spec with the default row group size. */
  public static WriteSpec of(FileFormat format, Compression compression, Schema schema, GenericData model) {
    return builder().format(format).compression(compression).schema(schema).model(model).build();
  }

  /** A builder holding this spec's values, to change some of them. */
  public Builder toBuilder() {
    return builder().format(format).compression(compression).schema(schema).model(model)
        .rowGroupBytes(rowGroupBytes);
  }

  /** The file format. */
  public FileFormat format() {
    return format;
  }

  /**
   * The codec: the one set, or the format's default (Snappy for Parquet and Avro, gzip for JSON Lines, none for
   * CSV).
   */
  public Compression compression() {
    return compression;
  }

  /** The schema of the file (a record schema); may omit fields of the row (partition columns). */
  public Schema schema() {
    return schema;
  }

  /**
   * Reads fields of row objects by name: {@code model.getField(row, fieldName, pos)}, where {@code pos} must be
   * ignored as it refers to {@link #schema()}, not to the row's own layout.
   */
  public GenericData model() {
    return model;
  }

  /** Parquet row group size in bytes (memory held per open Parquet file). */
  public long rowGroupBytes() {
    return rowGroupBytes;
  }

  /** The file name suffix, e.g. {@code ".parquet"}, {@code ".jsonl.gz"}. */
  public String suffix() {
    boolean wholeFileGzip = (format == FileFormat.JSON_LINES || format == FileFormat.CSV)
        && compression == Compression.GZIP;
    return "." + format.extension() + (wholeFileGzip ? ".gz" : "");
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof WriteSpec w && rowGroupBytes == w.rowGroupBytes && format == w.format
        && compression == w.compression && schema.equals(w.schema) && model.equals(w.model);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, compression, schema, model, rowGroupBytes);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "WriteSpec[format=" + format + ", compression=" + compression + ", schema=" + schema + ", model=" + model
        + ", rowGroupBytes=" + rowGroupBytes + "]";
  }

  /** Builds a {@link WriteSpec}. */
  public static final class Builder {
    private FileFormat format;
    private Compression compression;
    private Schema schema;
    private GenericData model;
    private long rowGroupBytes;

    private Builder() {}

    /** Sets {@link WriteSpec#format()}; required. */
    public Builder format(FileFormat value) {
      this.format = value;
      return this;
    }

    /** Sets {@link WriteSpec#compression()}; null (the default) is the format's default. */
    public Builder compression(Compression value) {
      this.compression = value;
      return this;
    }

    /** Sets {@link WriteSpec#schema()}; required. */
    public Builder schema(Schema value) {
      this.schema = value;
      return this;
    }

    /** Sets {@link WriteSpec#model()}; required. */
    public Builder model(GenericData value) {
      this.model = value;
      return this;
    }

    /**
     * Sets {@link WriteSpec#rowGroupBytes()}; zero (the default) or less is
     * {@link WriteSpec#DEFAULT_ROW_GROUP_BYTES}.
     */
    public Builder rowGroupBytes(long value) {
      this.rowGroupBytes = value;
      return this;
    }

    /**
     * The {@link WriteSpec} of the values set.
     *
     * @throws NullPointerException naming format, schema or model when one is not set
     */
    public WriteSpec build() {
      return new WriteSpec(this);
    }
  }
}
