package dev.lake.io;

import java.util.Optional;

/**
 * What a running source may ask of the runner: report a bad row, read its cursor, and propose the next cursor. A
 * proposed cursor is stored only after the run's sinks have committed, so a failed run re-reads the same input.
 *
 * <pre>{@code
 * // given: SourceContext ctx, String newestId, String file, int line, String text
 * String since = ctx.cursor("since_id").orElse("0");
 * // ... read what came after since
 * ctx.proposeCursor("since_id", newestId);   // saved after the commit
 * ctx.reject(BadRow.of("tweets", "Malformed JSON", file + ":" + line, text));
 * ctx.warn("file not read", file + ": no pattern of this source takes it");
 * }</pre>
 */
public interface SourceContext {

  /** Records a row this source could not read. Depending on the bad-row policy, this may throw. */
  void reject(BadRow row);

  /** The committed value of this pipeline's cursor {@code key}, if one was stored. */
  Optional<String> cursor(String key);

  /** The value {@code key} should take once this run commits. */
  void proposeCursor(String key, String value);

  /**
   * Reports something that is not a bad row but must not pass in silence, such as a file in the source's folder that
   * no pattern takes: counted in the run report under this source and {@code kind} (a short label), with the first
   * messages kept, and logged once. The default hands it to {@link Warnings#warn}.
   */
  default void warn(String kind, String message) {
    Warnings.warn(kind, message);
  }

  /** A context with no state, for reading a source outside a pipeline: bad rows fail with an exception. */
  static SourceContext standalone() {
    return new SourceContext() {
      @Override
      public void reject(BadRow row) {
        throw new dev.lake.exceptions.BadRowException(row.toString(), java.util.List.of(row));
      }

      @Override
      public Optional<String> cursor(String key) {
        return Optional.empty();
      }

      @Override
      public void proposeCursor(String key, String value) {}
    };
  }
}
