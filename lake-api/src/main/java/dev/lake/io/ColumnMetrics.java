package dev.lake.io;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one column chunk of a written file holds, summed over its row groups: the figures table formats keep per
 * file so that engines can skip files (Apache Iceberg's value, null and NaN-free counts, lower and upper bounds).
 *
 * <pre>{@code
 * // given: WriteSpec spec, ObjectWriter out, List<GenericRecord> rows
 * try (RowFileWriter w = FileFormats.newWriter(spec, out)) {
 *   for (GenericRecord row : rows) {
 *     w.write(row);
 *   }
 *   w.commit();
 *   for (ColumnMetrics c : w.metrics().orElseThrow().columns()) {
 *     System.out.println(c.path() + ": " + c.nullCount() + " nulls, min " + c.lower());
 *   }
 * }
 * ColumnMetrics city = ColumnMetrics.builder().path("address.city").fieldId(7).valueCount(1_000).nullCount(3)
 *     .compressedBytes(2_048).lower("Berlin".getBytes(StandardCharsets.UTF_8))
 *     .upper("Zurich".getBytes(StandardCharsets.UTF_8)).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new figure is not a breaking change for the
 * writers that build it. Equal when every value is ({@code lower} and {@code upper} by their own {@code equals}, as
 * the record compared them: two {@code byte[]} bounds are equal only when they are the same array). Serializable with
 * the serialVersionUID a record has, 0, so that metrics serialized by the record of earlier versions read back.
 */
public final class ColumnMetrics implements Serializable {
  private static final long serialVersionUID = 0L;

  private final String path;
  private final int fieldId;
  private final long valueCount;
  private final long nullCount;
  private final long compressedBytes;
  private final Object lower;
  private final Object upper;

  private ColumnMetrics(Builder b) {
    path = b.path;
    fieldId = b.fieldId;
    valueCount = b.valueCount;
    nullCount = b.nullCount;
    compressedBytes = b.compressedBytes;
    lower = b.lower;
    upper = b.upper;
  }

  /** A builder: no path, field id -1 (none), counts zero except the null count, -1 (unknown), no bounds. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these metrics, to change some of them. */
  public Builder toBuilder() {
    return builder().path(path).fieldId(fieldId).valueCount(valueCount).nullCount(nullCount)
        .compressedBytes(compressedBytes).lower(lower).upper(upper);
  }

  /**
   * The column's path in the file schema, names joined by '.' (e.g. {@code "address.city"},
   * {@code "tags.list.element"}).
   */
  public String path() {
    return path;
  }

  /** The field id the file schema gives the column (Iceberg's {@code field-id}), or -1 when it has none. */
  public int fieldId() {
    return fieldId;
  }

  /** Values in the column, nulls included. */
  public long valueCount() {
    return valueCount;
  }

  /** Null values, or -1 when the file does not say. */
  public long nullCount() {
    return nullCount;
  }

  /** Bytes the column takes in the file. */
  public long compressedBytes() {
    return compressedBytes;
  }

  /**
   * The smallest value in the file's physical encoding ({@code Integer}, {@code Long}, {@code Float},
   * {@code Double}, {@code Boolean} or {@code byte[]}: an {@code INT64} microsecond timestamp is a {@code Long}, a
   * string the bytes), or {@code null} when unknown or all values are null. A decimal is its unscaled value's
   * big-endian two's-complement bytes (as Avro and Iceberg hold it) whether the file stores it as bytes or, as Lake
   * writes those of precision 18 or less, as an {@code INT32} or {@code INT64}.
   */
  public Object lower() {
    return lower;
  }

  /** The largest value, as {@link #lower()}. */
  public Object upper() {
    return upper;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ColumnMetrics c && fieldId == c.fieldId && valueCount == c.valueCount
        && nullCount == c.nullCount && compressedBytes == c.compressedBytes && Objects.equals(path, c.path)
        && Objects.equals(lower, c.lower) && Objects.equals(upper, c.upper);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, fieldId, valueCount, nullCount, compressedBytes, lower, upper);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "ColumnMetrics[path=" + path + ", fieldId=" + fieldId + ", valueCount=" + valueCount + ", nullCount="
        + nullCount + ", compressedBytes=" + compressedBytes + ", lower=" + lower + ", upper=" + upper + "]";
  }

  /** Builds {@link ColumnMetrics}; a file writer builds one per leaf column once the file is written. */
  public static final class Builder {
    private String path;
    private int fieldId = -1;
    private long valueCount;
    private long nullCount = -1;
    private long compressedBytes;
    private Object lower;
    private Object upper;

    private Builder() {}

    /** Sets {@link ColumnMetrics#path()}. */
    public Builder path(String value) {
      this.path = value;
      return this;
    }

    /** Sets {@link ColumnMetrics#fieldId()}. */
    public Builder fieldId(int value) {
      this.fieldId = value;
      return this;
    }

    /** Sets {@link ColumnMetrics#valueCount()}. */
    public Builder valueCount(long value) {
      this.valueCount = value;
      return this;
    }

    /** Sets {@link ColumnMetrics#nullCount()}. */
    public Builder nullCount(long value) {
      this.nullCount = value;
      return this;
    }

    /** Sets {@link ColumnMetrics#compressedBytes()}. */
    public Builder compressedBytes(long value) {
      this.compressedBytes = value;
      return this;
    }

    /** Sets {@link ColumnMetrics#lower()}. */
    public Builder lower(Object value) {
      this.lower = value;
      return this;
    }

    /** Sets {@link ColumnMetrics#upper()}. */
    public Builder upper(Object value) {
      this.upper = value;
      return this;
    }

    /** The {@link ColumnMetrics} of the values set. */
    public ColumnMetrics build() {
      return new ColumnMetrics(this);
    }
  }
}
