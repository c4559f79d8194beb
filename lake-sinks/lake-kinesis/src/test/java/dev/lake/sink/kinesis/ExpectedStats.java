package dev.lake.sink.kinesis;

/** The {@link BufferedDelivery.Stats} a test expects, with every count given in the order the stats print them. */
final class ExpectedStats {
  private ExpectedStats() {}

  static BufferedDelivery.Stats stats(long rowsIn, long rowsDelivered, long rowsRejected, long rowsBuffered,
      long flushes, long failedAttempts) {
    return BufferedDelivery.Stats.builder().rowsIn(rowsIn).rowsDelivered(rowsDelivered).rowsRejected(rowsRejected)
        .rowsBuffered(rowsBuffered).flushes(flushes).failedAttempts(failedAttempts).build();
  }
}
