package dev.lake.io;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lake.exceptions.RejectedRow;
import java.io.Serializable;
import java.util.Objects;

/**
 * A row that was rejected, with why, by which step and where it came from. Bad rows are never dropped: the run's
 * bad-row policy fails the run, keeps them in the result, or writes them to the lake's {@code rejected/} zone.
 *
 * <pre>{@code
 * // given: SourceContext ctx, String line
 * ctx.reject(BadRow.of("csv", "Expected 8 fields but found 7", "file:///data/2010-12-01.csv:17", line));
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change. Step and reason
 * are required; a null position or value is empty. Serializable with the serialVersionUID a record has, 0, so that a
 * row serialized by the record of earlier versions reads back as this class (through {@link #of}, as the record's went
 * through its constructor). The Jackson annotations give a databind mapper the record's JSON (a run report's
 * {@code badRows}): the same properties in the same order.
 */
@JsonPropertyOrder({"step", "reason", "position", "value"})
public final class BadRow implements RejectedRow, Serializable {
  private static final long serialVersionUID = 0L;

  private final String step;
  private final String reason;
  private final String position;
  private final String value;

  @JsonCreator
  private BadRow(@JsonProperty("step") String step, @JsonProperty("reason") String reason,
      @JsonProperty("position") String position, @JsonProperty("value") String value) {
    this.step = Objects.requireNonNull(step, "step");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.position = position == null ? "" : position;
    this.value = value == null ? "" : value;
  }

  /**
   * A rejected row.
   *
   * @param step the step that rejected the row: the source's name, a transform's name, or the sink's name
   * @param reason what was wrong, naming the field and the value where there is one
   * @param position where the row came from, e.g. {@code file:///data/2010-12-01.csv:17} (line numbers are 1-based);
   *     null is empty
   * @param value the row as text: the raw line for a source, or the row rendered as JSON for a later step; null is
   *     empty
   * @throws NullPointerException when step or reason is null
   */
  public static BadRow of(String step, String reason, String position, String value) {
    return new BadRow(step, reason, position, value);
  }

  @JsonProperty
  @Override
  public String step() {
    return step;
  }

  @JsonProperty
  @Override
  public String reason() {
    return reason;
  }

  @JsonProperty
  @Override
  public String position() {
    return position;
  }

  @JsonProperty
  @Override
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof BadRow r && step.equals(r.step) && reason.equals(r.reason)
        && position.equals(r.position) && value.equals(r.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, reason, position, value);
  }

  /** The step, the position (or "a row") and the reason: what a message about the row says. */
  @Override
  public String toString() {
    return step + " rejected " + (position.isEmpty() ? "a row" : position) + ": " + reason;
  }

  /** Read back through the constructor's checks, as the record's deserialization was. */
  private Object readResolve() {
    return new BadRow(step, reason, position, value);
  }
}
