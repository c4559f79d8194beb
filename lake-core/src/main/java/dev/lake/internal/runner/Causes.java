package dev.lake.internal.runner;

/**
 * Failure messages that name the real cause: a library that wraps an I/O error (Parquet's "can not write
 * PageHeader") hides "No space left on device" in the cause chain, so the message adds the root cause when it says
 * something the top one does not.
 *
 * <pre>{@code
 * throw new SinkException("lake", "lake:processed/sales failed at " + position + ": " + Causes.describe(e), e);
 * }</pre>
 */
final class Causes {
  private Causes() {}

  /** {@code e}'s message, followed by its root cause's message when that says more. */
  static String message(Throwable e) {
    Throwable root = root(e);
    String top = String.valueOf(e.getMessage());
    String deepest = root.getMessage();
    return root == e || deepest == null || top.contains(deepest) ? top : top + " (caused by " + deepest + ")";
  }

  private static Throwable root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** {@code e} as text, followed by its root cause's message when that says more. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = e.toString();
    String deepest = root.getMessage();
    if (root == e || deepest == null || top.contains(deepest)) {
      return top;
    }
    return top + " (caused by " + deepest + ")";
  }
}
