package dev.lake.io;

import dev.lake.exceptions.BadRowException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a sink writer is told about its run: the id of its attempt, which its file names carry, its worker index,
 * when the run started, and where rows it rejects go.
 *
 * <pre>{@code
 * // given: List<BadRow> badRows
 * WriterContext ctx = WriterContext.of("20261207T101500Z-1a2b3c4d", 0, badRows::add);
 * String fileName = "part-" + ctx.attemptId() + "-" + ctx.writerIndex() + "-0.parquet";
 * WriterContext second = ctx.toBuilder().writerIndex(1).startedAt(Instant.parse("2026-12-07T10:15:00Z")).build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the sinks
 * that read it. Equal when every value is (the rejects by identity, as the record compared them).
 */
public final class WriterContext {
  private final String commitKey;
  private final int writerIndex;
  private final Instant startedAt;
  private final Consumer<BadRow> rejects;

  private WriterContext(Builder b) {
    commitKey = b.commitKey;
    writerIndex = b.writerIndex;
    startedAt = b.startedAt;
    rejects = b.rejects;
  }

  /** A builder: nothing set, writer index 0, the start time and the rejects null. */
  public static Builder builder() {
    return new Builder();
  }

  /** A context of a run started now. */
  public static WriterContext of(String commitKey, int writerIndex, Consumer<BadRow> rejects) {
    return builder().commitKey(commitKey).writerIndex(writerIndex).startedAt(Instant.now()).rejects(rejects).build();
  }

  /** A context of a run started now, whose rejects fail with a {@link BadRowException}. */
  public static WriterContext of(String commitKey, int writerIndex) {
    return of(commitKey, writerIndex, row -> {
      throw new BadRowException(row.toString(), List.of(row));
    });
  }

  /** A builder holding this context's values, to change some of them. */
  public Builder toBuilder() {
    return builder().commitKey(commitKey).writerIndex(writerIndex).startedAt(startedAt).rejects(rejects);
  }

  /**
   * The id of this writer's attempt: the run id, with a suffix for a Spark task attempt or a later round of the same
   * run; unique, so that no two attempts ever write the same file name (see {@link #attemptId}).
   */
  public String commitKey() {
    return commitKey;
  }

  /** This writer's index among the run's parallel writers (0-based). */
  public int writerIndex() {
    return writerIndex;
  }

  /** When the run started (for ingest-date partitions). */
  public Instant startedAt() {
    return startedAt;
  }

  /** Where the writer reports rows it cannot write. */
  public Consumer<BadRow> rejects() {
    return rejects;
  }

  /** The id of this writer's attempt, unique to it: file names carry it so that no attempt overwrites another's. */
  public String attemptId() {
    return commitKey;
  }

  /** Reports a row this writer cannot write. */
  public void reject(BadRow row) {
    rejects.accept(row);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof WriterContext c && writerIndex == c.writerIndex
        && Objects.equals(commitKey, c.commitKey) && Objects.equals(startedAt, c.startedAt)
        && Objects.equals(rejects, c.rejects);
  }

  @Override
  public int hashCode() {
    return Objects.hash(commitKey, writerIndex, startedAt, rejects);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "WriterContext[commitKey=" + commitKey + ", writerIndex=" + writerIndex + ", startedAt=" + startedAt
        + ", rejects=" + rejects + "]";
  }

  /** Builds a {@link WriterContext}; the runner builds one for each writer it opens. */
  public static final class Builder {
    private String commitKey;
    private int writerIndex;
    private Instant startedAt;
    private Consumer<BadRow> rejects;

    private Builder() {}

    /** Sets {@link WriterContext#commitKey()}. */
    public Builder commitKey(String value) {
      this.commitKey = value;
      return this;
    }

    /** Sets {@link WriterContext#writerIndex()}. */
    public Builder writerIndex(int value) {
      this.writerIndex = value;
      return this;
    }

    /** Sets {@link WriterContext#startedAt()}. */
    public Builder startedAt(Instant value) {
      this.startedAt = value;
      return this;
    }

    /** Sets {@link WriterContext#rejects()}. */
    public Builder rejects(Consumer<BadRow> value) {
      this.rejects = value;
      return this;
    }

    /** The {@link WriterContext} of the values set. */
    public WriterContext build() {
      return new WriterContext(this);
    }
  }
}
