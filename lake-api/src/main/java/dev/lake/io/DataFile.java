package dev.lake.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One file of a dataset, as listed in a commit manifest.
 *
 * <pre>{@code
 * DataFile f = DataFile.builder().path("year=2011/month=1/part-20261207T101500Z-1a2b3c4d-00000-00000.parquet")
 *     .partition(Map.of("year", "2011", "month", "1")).rows(12_345).bytes(1_048_576)
 *     .commitKey("20261207T101500Z-1a2b3c4d").splits(List.of("file:///data/2011-01-04.csv.gz@61542@1733560000000"))
 *     .build();
 * DataFile unrecorded = DataFile.of("part-0.parquet", Map.of(), 10, 4_096, "run-1"); // no input splits
 * DataFile moved = f.toBuilder().path("retired/" + f.path()).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the sinks and
 * stores that build it. The partition keeps its order in an unmodifiable copy and the splits are copied; a null one is
 * empty. Serializable (a Spark task sends the files it wrote to the driver) with the serialVersionUID a record has, 0,
 * so that a file serialized by the record of earlier versions reads back as this class; reading one back goes through
 * the builder, as the record's went through its constructor. The Jackson annotations give Lake's databind
 * mapper the record's JSON: the same properties in the same order.
 */
@JsonPropertyOrder({"path", "partition", "rows", "bytes", "commitKey", "splits"})
@JsonDeserialize(builder = DataFile.Builder.class)
public final class DataFile implements Serializable {
  private static final long serialVersionUID = 0L;

  private final String path;
  private final Map<String, String> partition;
  private final long rows;
  private final long bytes;
  private final String commitKey;
  private final List<String> splits;

  private DataFile(Builder b) {
    path = b.path;
    partition = b.partition == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.partition));
    rows = b.rows;
    bytes = b.bytes;
    commitKey = b.commitKey;
    splits = b.splits == null ? List.of() : List.copyOf(b.splits);
  }

  /** A builder: counts start at zero, partition and splits empty, path and commit key null. */
  public static Builder builder() {
    return new Builder();
  }

  /** A file whose input splits are not recorded (written outside a pipeline). */
  public static DataFile of(String path, Map<String, String> partition, long rows, long bytes, String commitKey) {
    return builder().path(path).partition(partition).rows(rows).bytes(bytes).commitKey(commitKey).build();
  }

  /** A builder holding this file's values, to change some of them. */
  public Builder toBuilder() {
    return builder().path(path).partition(partition).rows(rows).bytes(bytes).commitKey(commitKey).splits(splits);
  }

  /** The same file with other input splits. */
  public DataFile withSplits(List<String> inputSplits) {
    return toBuilder().splits(inputSplits).build();
  }

  /** The path relative to the dataset root, with '/' separators. */
  @JsonProperty
  public String path() {
    return path;
  }

  /** The partition values (unencoded) in partition order; empty when not partitioned. */
  @JsonProperty
  public Map<String, String> partition() {
    return partition;
  }

  /** Rows in the file. */
  @JsonProperty
  public long rows() {
    return rows;
  }

  /** File size in bytes. */
  @JsonProperty
  public long bytes() {
    return bytes;
  }

  /**
   * The id of the attempt that wrote it (a run id, with a task attempt on Spark); every file name carries it, so no two
   * attempts ever write the same name.
   */
  @JsonProperty
  public String commitKey() {
    return commitKey;
  }

  /**
   * The ids of the input splits ({@link Source#id()}) whose rows the file holds: the dataset's split ledger, so that an
   * input already committed is never added again.
   */
  @JsonProperty
  public List<String> splits() {
    return splits;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof DataFile f && rows == f.rows && bytes == f.bytes && Objects.equals(path, f.path)
        && partition.equals(f.partition) && Objects.equals(commitKey, f.commitKey) && splits.equals(f.splits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, partition, rows, bytes, commitKey, splits);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "DataFile[path=" + path + ", partition=" + partition + ", rows=" + rows + ", bytes=" + bytes
        + ", commitKey=" + commitKey + ", splits=" + splits + "]";
  }

  /** Read back through the builder, so a serialized file gets the same copies (and null as empty) as a built one. */
  private Object readResolve() {
    return toBuilder().build();
  }

  /** Builds a {@link DataFile}; a sink's writers build one for each file they finish. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Builder {
    private String path;
    private Map<String, String> partition;
    private long rows;
    private long bytes;
    private String commitKey;
    private List<String> splits;

    private Builder() {}

    /** Sets {@link DataFile#path()}. */
    public Builder path(String value) {
      this.path = value;
      return this;
    }

    /** Sets {@link DataFile#partition()}. */
    public Builder partition(Map<String, String> value) {
      this.partition = value;
      return this;
    }

    /** Sets {@link DataFile#rows()}. */
    public Builder rows(long value) {
      this.rows = value;
      return this;
    }

    /** Sets {@link DataFile#bytes()}. */
    public Builder bytes(long value) {
      this.bytes = value;
      return this;
    }

    /** Sets {@link DataFile#commitKey()}. */
    public Builder commitKey(String value) {
      this.commitKey = value;
      return this;
    }

    /** Sets {@link DataFile#splits()}. */
    public Builder splits(List<String> value) {
      this.splits = value;
      return this;
    }

    /** The {@link DataFile} of the values set. */
    public DataFile build() {
      return new DataFile(this);
    }
  }
}
