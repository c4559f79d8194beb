package dev.lake.io;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the run report about something that is not a bad row but must not pass in silence: a page whose rows were
 * read but that also carried errors, a count that does not match, a file in a source's folder that no pattern takes.
 * Inside a run, each warning is counted under the step (or source) that raised it and its kind, the first messages
 * are kept ({@code PipelineResult.warnings()}), and the message is logged once; outside a run it is only
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
  private static final Logger LOG = LoggerFactory.getLogger(Warnings.class);
  private static final ThreadLocal<BiConsumer<String, String>> HANDLER = new ThreadLocal<>();

  private Warnings() {}

  /**
   * Counts a warning of {@code kind} (a short, stable label such as {@code "page errors"}) with its
   * {@code message} (what, the value and where).
   */
  public static void warn(String kind, String message) {
    BiConsumer<String, String> handler = HANDLER.get();
    if (handler != null) {
      handler.accept(kind, message);
    } else {
      LOG.warn("{}: {}", kind, message);
    }
  }

  /**
   * Runs {@code body} with {@code handler} receiving the {@link #warn} calls this thread makes meanwhile (kind,
   * message), instead of the log: how a runner counts each worker's warnings. Calls may nest; the outer handler is
   * back once {@code body} returns or throws.
   *
   * <pre>{@code
   * List<String> seen = new ArrayList<>();
   * Warnings.handledBy((kind, message) -> seen.add(kind + ": " + message), () -> Warnings.warn("page errors", "2"));
   * }</pre>
   */
  public static void handledBy(BiConsumer<String, String> handler, Runnable body) {
    Objects.requireNonNull(handler, "handler");
    BiConsumer<String, String> before = HANDLER.get();
    HANDLER.set(handler);
    try {
      body.run();
    } finally {
      if (before == null) {
        HANDLER.remove();
      } else {
        HANDLER.set(before);
      }
    }
  }
}
