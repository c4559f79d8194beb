package dev.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Objects;

/**
 * Counts of one step of a run ({@link PipelineResult#steps()}). Rows that went in and neither came out nor were
 * rejected were filtered out; a flatMap can emit more rows than it received. A buffer step takes rows and emits
 * batches: {@code out} counts the batches and {@code batched} the rows inside them; an aggregate step likewise:
 * {@code out} counts the groups and {@code batched} the rows folded into them (0 for every other step).
 *
 * <pre>{@code
 * StepReport buffer = result.steps().get(0);   // in 1,000, out 2 batches, batched 1,000, filtered 0
 * StepReport built = StepReport.builder().name("parse").in(10).out(9).rejected(1).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new count is not a breaking change. Its JSON in the
 * run report is what the record wrote: the five counts in this order, then {@code filtered} and {@code grouped}.
 */
@JsonPropertyOrder({"name", "in", "out", "rejected", "batched", "filtered", "grouped"})
@JsonDeserialize(builder = StepReport.Builder.class)
public final class StepReport {
  private final String name;
  private final long in;
  private final long out;
  private final long rejected;
  private final long batched;

  private StepReport(Builder b) {
    name = b.name;
    in = b.in;
    out = b.out;
    rejected = b.rejected;
    batched = b.batched;
  }

  /** A builder: every count starts at zero, the name at null. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this report's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder().name(name).in(in).out(out).rejected(rejected).batched(batched);
  }

  /** The step's name. */
  @JsonProperty
  public String name() {
    return name;
  }

  /** Rows (or batches) that went into the step. */
  @JsonProperty
  public long in() {
    return in;
  }

  /** Rows that came out; batches for a buffer step, groups for an aggregate step. */
  @JsonProperty
  public long out() {
    return out;
  }

  /** Rows the step rejected as bad rows. */
  @JsonProperty
  public long rejected() {
    return rejected;
  }

  /** Rows inside the batches or groups a buffer or aggregate step emitted; 0 for every other step. */
  @JsonProperty
  public long batched() {
    return batched;
  }

  /** Rows that went in and left neither as rows, nor inside batches, nor as bad rows. */
  @JsonProperty
  public long filtered() {
    return RunResults.toEngine(this).filtered();
  }

  /** Rows folded beyond one per batch or group: {@code batched - out} for a buffer or aggregate step, else 0. */
  @JsonProperty
  public long grouped() {
    return RunResults.toEngine(this).grouped();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof StepReport s && in == s.in && out == s.out && rejected == s.rejected
        && batched == s.batched && Objects.equals(name, s.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, in, out, rejected, batched);
  }

  /** Every count, named, as the record printed them. */
  @Override
  public String toString() {
    return "StepReport[name=" + name + ", in=" + in + ", out=" + out + ", rejected=" + rejected + ", batched="
        + batched + "]";
  }

  /** Builds a {@link StepReport}; also what reads it from a run report's JSON (derived counts are ignored). */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Builder {
    private String name;
    private long in;
    private long out;
    private long rejected;
    private long batched;

    private Builder() {}

    /** Sets {@link StepReport#name()}. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Sets {@link StepReport#in()}. */
    public Builder in(long value) {
      this.in = value;
      return this;
    }

    /** Sets {@link StepReport#out()}. */
    public Builder out(long value) {
      this.out = value;
      return this;
    }

    /** Sets {@link StepReport#rejected()}. */
    public Builder rejected(long value) {
      this.rejected = value;
      return this;
    }

    /** Sets {@link StepReport#batched()}. */
    public Builder batched(long value) {
      this.batched = value;
      return this;
    }

    /** The {@link StepReport} of the values set. */
    public StepReport build() {
      return new StepReport(this);
    }
  }
}
