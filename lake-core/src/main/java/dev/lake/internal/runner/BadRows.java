package dev.lake.internal.runner;

import dev.lake.exceptions.BadRowException;
import dev.lake.io.BadRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies the bad-row policy for a whole run: counts every bad row, keeps the first ones for the report, and fails
 * the run when the policy says so. Thread-safe: all workers share one.
 */
final class BadRows {
  static final int KEEP = 1_000;

  private final BadRowLimit policy;
  private final AtomicLong count = new AtomicLong();
  private final List<BadRow> kept = Collections.synchronizedList(new ArrayList<>());

  BadRows(BadRowLimit policy) {
    this.policy = policy;
  }

  /** Records a bad row; throws {@link BadRowException} when the policy does not accept it. */
  void accept(BadRow row) {
    long n = count.incrementAndGet();
    if (kept.size() < KEEP) {
      kept.add(row);
    }
    if (policy.failFast()) {
      throw new BadRowException(row + ". The run failed at its first bad row (BadRowPolicy.failFast()); use "
          + "onBadRows(BadRowPolicy.toRejectedZone()) to set bad rows aside and go on", List.of(row));
    }
    if (n > policy.maxRejected()) {
      List<BadRow> rows;
      synchronized (kept) {
        rows = List.copyOf(kept);
      }
      throw new BadRowException("More than " + policy.maxRejected() + " bad rows; the last: " + row, rows);
    }
  }

  long count() {
    return count.get();
  }

  /**
   * Applies the policy's limit to the bad rows of a whole run counted apart (each Spark task counts its own):
   * throws {@link BadRowException} when there are more than the policy accepts.
   */
  static void checkTotal(BadRowLimit policy, long total, List<BadRow> kept) {
    if (total > 0 && policy.failFast()) {
      throw new BadRowException(kept.get(0) + ". The run failed at its first bad row (BadRowPolicy.failFast())",
          kept);
    }
    if (total > policy.maxRejected()) {
      throw new BadRowException("More than " + policy.maxRejected() + " bad rows (" + total + " in all); the last "
          + "kept: " + kept.get(kept.size() - 1), kept);
    }
  }

  boolean toRejectedZone() {
    return policy.toRejectedZone();
  }

  List<BadRow> kept() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }
}
