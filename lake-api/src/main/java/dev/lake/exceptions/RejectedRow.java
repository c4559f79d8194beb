package dev.lake.exceptions;

/**
 * A rejected row as a {@link BadRowException} carries it: which step rejected it, why, where it came from and the
 * row as text. Lake's rows are {@code dev.lake.io.BadRow} values; this interface keeps the exceptions free of the
 * SPI package, so that every other package may depend on them and they on none.
 *
 * <pre>{@code
 * // given: BadRowException e
 * for (RejectedRow row : e.rows()) {
 *   System.err.println(row.step() + " rejected " + row.position() + ": " + row.reason());
 * }
 * }</pre>
 */
public interface RejectedRow {

  /** The step that rejected the row: the source's name, a transform's name, or the sink's name. */
  String step();

  /** What was wrong, naming the field and the value where there is one. */
  String reason();

  /** Where the row came from, e.g. {@code file:///data/2010-12-01.csv:17}; empty when unknown. */
  String position();

  /** The row as text: the raw line for a source, or the row rendered as JSON for a later step; may be empty. */
  String value();
}
