package dev.lake.io;

import java.util.List;
import java.util.Objects;

/**
 * What a sink's commit made visible.
 *
 * <pre>{@code
 * // given: Sink<Object> sink, List<WriterResult> results, CommitContext ctx
 * CommitSummary s = sink.commit(results, ctx);
 * System.out.println(s.rows() + " rows in " + s.files().size() + " files, version " + s.version());
 * CommitSummary built = CommitSummary.builder().sink("dynamodb:sales").rows(1_000).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the sinks
 * that build it. Lists are copied; a null one is empty.
 */
public final class CommitSummary {
  private final String sink;
  private final long version;
  private final long rows;
  private final List<DataFile> files;
  private final List<String> removedFiles;
  private final boolean unchanged;

  private CommitSummary(Builder b) {
    sink = b.sink;
    version = b.version;
    rows = b.rows;
    files = b.files == null ? List.of() : List.copyOf(b.files);
    removedFiles = b.removedFiles == null ? List.of() : List.copyOf(b.removedFiles);
    unchanged = b.unchanged;
  }

  /** A builder: counts start at zero, lists empty, {@code unchanged} false. */
  public static Builder builder() {
    return new Builder();
  }

  /** Nothing to commit: the dataset stays at {@code version}. */
  public static CommitSummary unchanged(String sink, long version) {
    return builder().sink(sink).version(version).unchanged(true).build();
  }

  /** A builder holding this summary's values, to change some of them. */
  public Builder toBuilder() {
    return builder().sink(sink).version(version).rows(rows).files(files).removedFiles(removedFiles)
        .unchanged(unchanged);
  }

  /** The sink's name. */
  public String sink() {
    return sink;
  }

  /** The dataset version the commit created (0 for sinks without versions). */
  public long version() {
    return version;
  }

  /** Rows made visible by this commit. */
  public long rows() {
    return rows;
  }

  /** Files added by this commit. */
  public List<DataFile> files() {
    return files;
  }

  /** Files no longer part of the dataset after this commit (overwritten or replaced). */
  public List<String> removedFiles() {
    return removedFiles;
  }

  /**
   * True when there was nothing to commit (an append of no rows): no new version was created and {@code version} is
   * the dataset's current one (0 if it has none).
   */
  public boolean unchanged() {
    return unchanged;
  }

  /** Bytes of the files added. */
  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof CommitSummary c && version == c.version && rows == c.rows
        && unchanged == c.unchanged && Objects.equals(sink, c.sink) && files.equals(c.files)
        && removedFiles.equals(c.removedFiles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sink, version, rows, files, removedFiles, unchanged);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "CommitSummary[sink=" + sink + ", version=" + version + ", rows=" + rows + ", files=" + files
        + ", removedFiles=" + removedFiles + ", unchanged=" + unchanged + "]";
  }

  /** Builds a {@link CommitSummary}; sinks build them in {@link Sink#commit}. */
  public static final class Builder {
    private String sink;
    private long version;
    private long rows;
    private List<DataFile> files;
    private List<String> removedFiles;
    private boolean unchanged;

    private Builder() {}

    /** Sets {@link CommitSummary#sink()}. */
    public Builder sink(String value) {
      this.sink = value;
      return this;
    }

    /** Sets {@link CommitSummary#version()}. */
    public Builder version(long value) {
      this.version = value;
      return this;
    }

    /** Sets {@link CommitSummary#rows()}. */
    public Builder rows(long value) {
      this.rows = value;
      return this;
    }

    /** Sets {@link CommitSummary#files()}. */
    public Builder files(List<DataFile> value) {
      this.files = value;
      return this;
    }

    /** Sets {@link CommitSummary#removedFiles()}. */
    public Builder removedFiles(List<String> value) {
      this.removedFiles = value;
      return this;
    }

    /** Sets {@link CommitSummary#unchanged()}. */
    public Builder unchanged(boolean value) {
      this.unchanged = value;
      return this;
    }

    /** The {@link CommitSummary} of the values set. */
    public CommitSummary build() {
      return new CommitSummary(this);
    }
  }
}
