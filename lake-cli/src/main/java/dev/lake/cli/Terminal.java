package dev.lake.cli;

import java.io.PrintWriter;

/**
 * What the output goes to: ANSI colours and progress lines only when standard output is a terminal (and
 * {@code NO_COLOR} is unset), so that pipes, files and tests get plain text.
 *
 * <pre>{@code
 * out.println(Terminal.red("!! does not reconcile"));
 * try (Terminal.Progress p = Terminal.progress(err, "downloading", files.size())) { p.step(); }
 * }</pre>
 */
final class Terminal {
  private static final boolean INTERACTIVE = System.console() != null && System.getenv("NO_COLOR") == null
      && !"dumb".equals(System.getenv("TERM"));

  private Terminal() {}

  static boolean interactive() {
    return INTERACTIVE;
  }

  static String red(String text) {
    return INTERACTIVE ? "\u001b[31m" + text + "\u001b[0m" : text;
  }

  static String bold(String text) {
    return INTERACTIVE ? "\u001b[1m" + text + "\u001b[0m" : text;
  }

  static Progress progress(PrintWriter err, String what, int total) {
    return new Progress(err, what, total);
  }

  /** A "what n/total" line rewritten in place on a terminal; silent otherwise. */
  static final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final String what;
    private final int total;
    private int done;
    private long lastPrint;

    private Progress(PrintWriter err, String what, int total) {
      this.err = err;
      this.what = what;
      this.total = total;
    }

    void step() {
      done++;
      long now = System.nanoTime();
      if (INTERACTIVE && (now - lastPrint > 100_000_000L || done == total)) {
        lastPrint = now;
        err.print("\r" + what + " " + done + "/" + total);
        err.flush();
      }
    }

    @Override
    public void close() {
      if (INTERACTIVE && done > 0) {
        err.print("\r" + " ".repeat(what.length() + 24) + "\r");
        err.flush();
      }
    }
  }
}
