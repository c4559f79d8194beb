package dev.lake.benchmarks.harness;

/**
 * What one measured run produced besides its time: rows handled, bytes written or moved, and free-form notes
 * (e.g. {@code lost=123}) that go to the CSV's {@code extra} column.
 *
 * <pre>{@code
 * return Outcome.rows(result.rowsWritten()).withBytes(sizeOf(out)).withExtra("lost=" + lost);
 * }</pre>
 */
public record Outcome(long rows, long bytes, String extra) {

  /** Only a row count. */
  public static Outcome rows(long rows) {
    return new Outcome(rows, 0, "");
  }

  /** A copy with {@code bytes}. */
  public Outcome withBytes(long bytes) {
    return new Outcome(rows, bytes, extra);
  }

  /** A copy with {@code extra} appended (separated by {@code ;}). */
  public Outcome withExtra(String more) {
    return new Outcome(rows, bytes, extra.isEmpty() ? more : extra + ";" + more);
  }
}
