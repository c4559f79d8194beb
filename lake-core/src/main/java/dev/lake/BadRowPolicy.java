package dev.lake;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a run does with rows it cannot read, transform or write. Whatever the policy, no row is dropped silently:
 * the run fails, or the row is kept in the result, or it is written to the lake's {@code rejected/} zone with its
 * reason, step and source position.
 *
 * <pre>{@code
 * pipeline.onBadRows(BadRowPolicy.failFast());          // the default: the first bad row fails the run
 * pipeline.onBadRows(BadRowPolicy.collect(100));        // keep up to 100 in the result, fail on the 101st
 * pipeline.onBadRows(BadRowPolicy.toRejectedZone());    // write them all to rejected/<dataset>/
 * pipeline.onBadRows(BadRowPolicy.toRejectedZone().withMaxRejected(10_000));
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new setting is not a breaking change. Made by
 * {@link #failFast()}, {@link #collect(long)} and {@link #toRejectedZone()}, changed by {@link #withMaxRejected}.
 * Serializable (a pipeline goes to Spark's executors) with the serialVersionUID a record has, 0, so that a policy
 * serialized by the record of earlier versions reads back, through the same check.
 */
public final class BadRowPolicy implements Serializable {
  private static final long serialVersionUID = 0L;

  /** How bad rows are handled. */
  public enum Mode {
    FAIL_FAST,
    COLLECT,
    REJECTED_ZONE
  }

  private final Mode mode;
  private final long maxRejected;

  private BadRowPolicy(Mode mode, long maxRejected) {
    if (maxRejected < 0) {
      throw new dev.lake.exceptions.ValidationException("maxRejected must be >= 0 but was " + maxRejected);
    }
    this.mode = mode;
    this.maxRejected = maxRejected;
  }

  /** The first bad row fails the run with a {@link dev.lake.exceptions.BadRowException}. */
  public static BadRowPolicy failFast() {
    return new BadRowPolicy(Mode.FAIL_FAST, 0);
  }

  /** Keeps up to {@code max} bad rows in {@link PipelineResult#badRows()}; one more fails the run. */
  public static BadRowPolicy collect(long max) {
    return new BadRowPolicy(Mode.COLLECT, max);
  }

  /** Writes every bad row to {@code rejected/<dataset>/} in the pipeline's lake, committed with the run. */
  public static BadRowPolicy toRejectedZone() {
    return new BadRowPolicy(Mode.REJECTED_ZONE, Long.MAX_VALUE);
  }

  /** The same policy, failing the run once more than {@code max} rows are rejected. */
  public BadRowPolicy withMaxRejected(long max) {
    return new BadRowPolicy(mode, max);
  }

  /** Fail at the first, collect in memory, or write to the rejected zone. */
  public Mode mode() {
    return mode;
  }

  /** The most bad rows a run accepts before it fails (for {@code COLLECT} and {@code REJECTED_ZONE}). */
  public long maxRejected() {
    return maxRejected;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof BadRowPolicy p && mode == p.mode && maxRejected == p.maxRejected;
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, maxRejected);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "BadRowPolicy[mode=" + mode + ", maxRejected=" + maxRejected + "]";
  }

  /** Read back through the constructor's check, as the record's deserialization was. */
  private Object readResolve() {
    return new BadRowPolicy(mode, maxRejected);
  }
}
