package dev.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;

/**
 * Counts and commit of one sink of a run ({@link PipelineResult#sinks()}); {@code unchanged} when the sink had nothing
 * to commit (an append of no rows), so {@code version} is the dataset's version before and after the run.
 *
 * <pre>{@code
 * SinkReport k = result.sinks().get(0);
 * System.out.println(k.name() + " v" + k.version() + ": " + k.files() + " files");
 * SinkReport built = SinkReport.builder().name("lake:processed/sales").in(9).written(9).version(3).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change. Its JSON in the
 * run report is what the record wrote.
 */
@JsonPropertyOrder({"name", "in", "written", "rejected", "files", "bytes", "version", "unchanged"})
@JsonDeserialize(builder = SinkReport.Builder.class)
public final class SinkReport {
  private final String name;
  private final long in;
  private final long written;
  private final long rejected;
  private final long files;
  private final long bytes;
  private final long version;
  private final boolean unchanged;

  private SinkReport(Builder b) {
    name = b.name;
    in = b.in;
    written = b.written;
    rejected = b.rejected;
    files = b.files;
    bytes = b.bytes;
    version = b.version;
    unchanged = b.unchanged;
  }

  /** A builder: every count starts at zero, {@code unchanged} at false, the name at null. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this report's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder().name(name).in(in).written(written).rejected(rejected).files(files).bytes(bytes)
        .version(version).unchanged(unchanged);
  }

  /** The sink's name, e.g. {@code lake:processed/sales}. */
  @JsonProperty
  public String name() {
    return name;
  }

  /** Rows given to the sink. */
  @JsonProperty
  public long in() {
    return in;
  }

  /** Rows the sink's commit made visible. */
  @JsonProperty
  public long written() {
    return written;
  }

  /** Rows the sink rejected as bad rows. */
  @JsonProperty
  public long rejected() {
    return rejected;
  }

  /** Files the commit added (0 for sinks that are not file based). */
  @JsonProperty
  public long files() {
    return files;
  }

  /** Bytes of those files. */
  @JsonProperty
  public long bytes() {
    return bytes;
  }

  /** The dataset version the commit created, or the current one when {@link #unchanged()}. */
  @JsonProperty
  public long version() {
    return version;
  }

  /** True when the sink had nothing to commit and created no version. */
  @JsonProperty
  public boolean unchanged() {
    return unchanged;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof SinkReport k && in == k.in && written == k.written && rejected == k.rejected
        && files == k.files && bytes == k.bytes && version == k.version && unchanged == k.unchanged
        && Objects.equals(name, k.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, in, written, rejected, files, bytes, version, unchanged);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "SinkReport[name=" + name + ", in=" + in + ", written=" + written + ", rejected=" + rejected + ", files="
        + files + ", bytes=" + bytes + ", version=" + version + ", unchanged=" + unchanged + "]";
  }

  /** Builds a {@link SinkReport}; also what reads it from a run report's JSON. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Builder {
    private String name;
    private long in;
    private long written;
    private long rejected;
    private long files;
    private long bytes;
    private long version;
    private boolean unchanged;

    private Builder() {}

    /** Sets {@link SinkReport#name()}. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Sets {@link SinkReport#in()}. */
    public Builder in(long value) {
      this.in = value;
      return this;
    }

    /** Sets {@link SinkReport#written()}. */
    public Builder written(long value) {
      this.written = value;
      return this;
    }

    /** Sets {@link SinkReport#rejected()}. */
    public Builder rejected(long value) {
      this.rejected = value;
      return this;
    }

    /** Sets {@link SinkReport#files()}. */
    public Builder files(long value) {
      this.files = value;
      return this;
    }

    /** Sets {@link SinkReport#bytes()}. */
    public Builder bytes(long value) {
      this.bytes = value;
      return this;
    }

    /** Sets {@link SinkReport#version()}. */
    public Builder version(long value) {
      this.version = value;
      return this;
    }

    /** Sets {@link SinkReport#unchanged()}. */
    public Builder unchanged(boolean value) {
      this.unchanged = value;
      return this;
    }

    /** The {@link SinkReport} of the values set. */
    public SinkReport build() {
      return new SinkReport(this);
    }
  }
}
