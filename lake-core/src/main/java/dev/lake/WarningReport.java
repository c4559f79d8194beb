package dev.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Warnings of one kind from one step or source of a run ({@link dev.lake.io.Warnings#warn},
 * {@link PipelineResult#warnings()}): how many, and the first messages (up to 100), each saying what, the value and
 * where.
 *
 * <pre>{@code
 * WarningReport w = result.warnings().get(0);   // parse, page errors, 1, [1 error in the page ... noflat_page0 ...]
 * WarningReport built = WarningReport.builder().step("parse").kind("page errors").count(1).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change. Its JSON in the
 * run report is what the record wrote.
 */
@JsonPropertyOrder({"step", "kind", "count", "examples"})
@JsonDeserialize(builder = WarningReport.Builder.class)
public final class WarningReport {
  private final String step;
  private final String kind;
  private final long count;
  private final List<String> examples;

  private WarningReport(Builder b) {
    step = b.step;
    kind = b.kind;
    count = b.count;
    examples = b.examples == null ? List.of() : List.copyOf(b.examples);
  }

  /** A builder: the count starts at zero, the examples empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this report's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder().step(step).kind(kind).count(count).examples(examples);
  }

  /** The step or source that warned. */
  @JsonProperty
  public String step() {
    return step;
  }

  /** The kind of warning, e.g. {@code page errors}. */
  @JsonProperty
  public String kind() {
    return kind;
  }

  /** How many warnings of this kind the step gave. */
  @JsonProperty
  public long count() {
    return count;
  }

  /** The first messages (up to 100). */
  @JsonProperty
  public List<String> examples() {
    return examples;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof WarningReport w && count == w.count && Objects.equals(step, w.step)
        && Objects.equals(kind, w.kind) && examples.equals(w.examples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, kind, count, examples);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "WarningReport[step=" + step + ", kind=" + kind + ", count=" + count + ", examples=" + examples + "]";
  }

  /** Builds a {@link WarningReport}; also what reads it from a run report's JSON. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Builder {
    private String step;
    private String kind;
    private long count;
    private List<String> examples;

    private Builder() {}

    /** Sets {@link WarningReport#step()}. */
    public Builder step(String value) {
      this.step = value;
      return this;
    }

    /** Sets {@link WarningReport#kind()}. */
    public Builder kind(String value) {
      this.kind = value;
      return this;
    }

    /** Sets {@link WarningReport#count()}. */
    public Builder count(long value) {
      this.count = value;
      return this;
    }

    /** Sets {@link WarningReport#examples()}; copied, and null is empty. */
    public Builder examples(List<String> value) {
      this.examples = value;
      return this;
    }

    /** The {@link WarningReport} of the values set. */
    public WarningReport build() {
      return new WarningReport(this);
    }
  }
}
