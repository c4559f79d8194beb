package dev.lake.sink.kinesis;

import static dev.lake.sink.kinesis.ExpectedStats.stats;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** BufferedDelivery.Stats is a value: equal by its counts, printed with their names. */
class BufferedDeliveryStatsTest {

  @Test
  void stats_sameCounts_equalAndPrintedByName() {
    BufferedDelivery.Stats s = stats(10, 7, 2, 1, 3, 4);

    assertThat(s).isEqualTo(stats(10, 7, 2, 1, 3, 4)).hasSameHashCodeAs(stats(10, 7, 2, 1, 3, 4))
        .isNotEqualTo(stats(10, 7, 2, 1, 3, 5));
    assertThat(s.rowsIn()).isEqualTo(s.rowsDelivered() + s.rowsRejected() + s.rowsBuffered());
    assertThat(s).hasToString("Stats[rowsIn=10, rowsDelivered=7, rowsRejected=2, rowsBuffered=1, flushes=3, "
        + "failedAttempts=4]");
    assertThat(BufferedDelivery.Stats.builder().build()).isEqualTo(stats(0, 0, 0, 0, 0, 0));
  }
}
