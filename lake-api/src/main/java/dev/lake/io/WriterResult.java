package dev.lake.io;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one writer wrote, handed to {@link Sink#commit}. Serializable so a Spark task can send it to the driver.
 *
 * <pre>{@code
 * // given: DataFile dataFile
 * WriterResult result = WriterResult.of(0, 1_000, List.of(dataFile));
 * WriterResult withFacts = WriterResult.builder().writerIndex(0).rows(1_000).files(List.of(dataFile))
 *     .metadata(Map.of("schema", "v2")).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the sinks
 * that build it. Lists and maps are copied; a null one is empty.
 */
public final class WriterResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int writerIndex;
  private final long rows;
  private final List<DataFile> files;
  private final Map<String, String> metadata;
  private final Map<String, StagedObject> staged;

  private WriterResult(Builder b) {
    writerIndex = b.writerIndex;
    rows = b.rows;
    files = b.files == null ? List.of() : List.copyOf(b.files);
    metadata = b.metadata == null ? Map.of() : Map.copyOf(b.metadata);
    staged = b.staged == null ? Map.of() : Map.copyOf(b.staged);
  }

  /** A builder: index and rows start at zero, files, metadata and staged objects empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A result of {@code rows} rows in {@code files}, with no metadata and nothing staged. */
  public static WriterResult of(int writerIndex, long rows, List<DataFile> files) {
    return builder().writerIndex(writerIndex).rows(rows).files(files).build();
  }

  /** A builder holding this result's values, to change some of them. */
  public Builder toBuilder() {
    return builder().writerIndex(writerIndex).rows(rows).files(files).metadata(metadata).staged(staged);
  }

  /** The writer that produced it. */
  public int writerIndex() {
    return writerIndex;
  }

  /** Rows written. */
  public long rows() {
    return rows;
  }

  /** Files written (empty for sinks that are not file based). */
  public List<DataFile> files() {
    return files;
  }

  /** Sink-specific facts for the commit, e.g. the schema the files were written with. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * For files written staged (invisible until the commit publishes them), each file's staged object, by the file's
   * path; empty otherwise.
   */
  public Map<String, StagedObject> staged() {
    return staged;
  }

  /** Bytes of all files. */
  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof WriterResult w && writerIndex == w.writerIndex && rows == w.rows
        && files.equals(w.files) && metadata.equals(w.metadata) && staged.equals(w.staged);
  }

  @Override
  public int hashCode() {
    return Objects.hash(writerIndex, rows, files, metadata, staged);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "WriterResult[writerIndex=" + writerIndex + ", rows=" + rows + ", files=" + files + ", metadata="
        + metadata + ", staged=" + staged + "]";
  }

  /** Builds a {@link WriterResult}; sinks' writers build them in {@code SinkWriter.finish()}. */
  public static final class Builder {
    private int writerIndex;
    private long rows;
    private List<DataFile> files;
    private Map<String, String> metadata;
    private Map<String, StagedObject> staged;

    private Builder() {}

    /** Sets {@link WriterResult#writerIndex()}. */
    public Builder writerIndex(int value) {
      this.writerIndex = value;
      return this;
    }

    /** Sets {@link WriterResult#rows()}. */
    public Builder rows(long value) {
      this.rows = value;
      return this;
    }

    /** Sets {@link WriterResult#files()}. */
    public Builder files(List<DataFile> value) {
      this.files = value;
      return this;
    }

    /** Sets {@link WriterResult#metadata()}. */
    public Builder metadata(Map<String, String> value) {
      this.metadata = value;
      return this;
    }

    /** Sets {@link WriterResult#staged()}. */
    public Builder staged(Map<String, StagedObject> value) {
      this.staged = value;
      return this;
    }

    /** The {@link WriterResult} of the values set. */
    public WriterResult build() {
      return new WriterResult(this);
    }
  }
}
