package dev.lake.io;

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
 * @param step the step that rejected the row: the source's name, a transform's name, or the sink's name
 * @param reason what was wrong, naming the field and the value where there is one
 * @param position where the row came from, e.g. {@code file:///data/2010-12-01.csv:17} (line numbers are 1-based)
 * @param value the row as text: the raw line for a source, or the row rendered as JSON for a later step
 */
public record BadRow(String step, String reason, String position, String value) implements RejectedRow, Serializable {
  public BadRow {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(reason, "reason");
    position = position == null ? "" : position;
    value = value == null ? "" : value;
  }

  public static BadRow of(String step, String reason, String position, String value) {
    return new BadRow(step, reason, position, value);
  }

  @Override
  public String toString() {
    return step + " rejected " + (position.isEmpty() ? "a row" : position) + ": " + reason;
  }
}
