package dev.lake.internal.runner;

/**
 * One worker's counts, summed by the runner when the workers are done. Not thread-safe: one per worker.
 * Serializable: a Spark task sends its counts to the driver inside a {@link RunOutcome}.
 *
 * <pre>{@code
 * Counters total = new Counters(steps, sinks);
 * outcomes.forEach(o -> total.add(o.counters()));
 * }</pre>
 */
final class Counters implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  long rowsRead;
  long sourceRejected;
  final long[] stepIn;
  final long[] stepOut;
  final long[] stepRejected;
  /** Rows that left a buffer step inside batches (its {@code stepOut} counts the batches). */
  final long[] stepBatched;
  final long[] sinkIn;
  final long[] sinkRejected;
  /** Warnings by step (or source) and kind. */
  final WarningCounts warnings = new WarningCounts();

  public Counters(int steps, int sinks) {
    stepIn = new long[steps];
    stepOut = new long[steps];
    stepRejected = new long[steps];
    stepBatched = new long[steps];
    sinkIn = new long[sinks];
    sinkRejected = new long[sinks];
  }

  public void add(Counters o) {
    rowsRead += o.rowsRead;
    sourceRejected += o.sourceRejected;
    for (int i = 0; i < stepIn.length; i++) {
      stepIn[i] += o.stepIn[i];
      stepOut[i] += o.stepOut[i];
      stepRejected[i] += o.stepRejected[i];
      stepBatched[i] += o.stepBatched[i];
    }
    for (int i = 0; i < sinkIn.length; i++) {
      sinkIn[i] += o.sinkIn[i];
      sinkRejected[i] += o.sinkRejected[i];
    }
    warnings.addAll(o.warnings);
  }
}
