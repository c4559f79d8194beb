package dev.lake.io;

import dev.lake.internal.runner.WarningCounts;

/**
 * Tells the run report about something that is not a bad row but must not pass in silence: a page whose rows were
 * read but that also carried errors, a count that does not match, a file in a source's folder that no pattern takes.
 * Inside a run, each warning is counted under the step (or source) that raised it and its kind, the first messages
 * are kept ({@link dev.lake.PipelineResult#warnings()}), and the message is logged once; outside a run it is only
 * logged. Call it from a step's function or a parser, on the thread that runs it; sources may also use
 * {@link SourceContext#warn}.
 *
 * <pre>{@code
 * static List<String> tweets(int count, List<String> data, String url) {
 *   if (count != data.size()) {
 *     Warnings.warn("count mismatch", "result_count " + count + " but " + data.size() + " tweets at " + url);
 *   }
 *   return data;
 * }
 * }</pre>
 */
public final class Warnings {
  private Warnings() {}

  /**
   * Counts a warning of {@code kind} (a short, stable label such as {@code "page errors"}) with its
   * {@code message} (what, the value and where).
   */
  public static void warn(String kind, String message) {
    WarningCounts.report(kind, message);
  }
}
