package dev.lake.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lake.exceptions.ValidationException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void ceilingDoublesFromBaseUpToCap() {
    Backoff b = Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(1));
    assertEquals(100, b.ceilingMillis(1));
    assertEquals(200, b.ceilingMillis(2));
    assertEquals(800, b.ceilingMillis(4));
    assertEquals(1000, b.ceilingMillis(5));
    assertEquals(1000, b.ceilingMillis(Integer.MAX_VALUE), "no overflow however many failures");
  }

  @Test
  void delaysAreSpreadOverTheWholeRangeAndNeverAboveTheCeiling() {
    Backoff b = Backoff.fullJitter(Duration.ofMillis(50), Duration.ofSeconds(10));
    Random random = new Random(42);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 10_000; i++) {
      long d = b.delayMillis(3, random);
      assertTrue(d >= 0 && d <= 200, "delay " + d + " outside [0, 200]");
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertTrue(min <= 5 && max >= 195, "full jitter uses the whole range, got " + min + ".." + max);
  }

  @Test
  void zeroBaseNeverWaits() throws InterruptedException {
    Backoff b = Backoff.fullJitter(Duration.ZERO, Duration.ofMillis(5));
    assertEquals(0, b.delayMillis(7, new Random(1)));
    b.sleep(3);
  }

  @Test
  void hugeBaseIsCappedWithoutOverflow() {
    Backoff b = Backoff.fullJitter(Duration.ofDays(365_000), Duration.ofDays(365_000));
    assertEquals(Duration.ofDays(365_000).toMillis(), b.ceilingMillis(40));
  }

  @Test
  void refusesNegativeDurationsAndFailureCountsBelowOne() {
    assertThrows(ValidationException.class, () -> Backoff.fullJitter(Duration.ofMillis(-1), Duration.ZERO));
    assertThrows(ValidationException.class, () -> Backoff.fullJitter(Duration.ZERO, null));
    Backoff b = Backoff.fullJitter(Duration.ofMillis(1), Duration.ofMillis(1));
    assertThrows(ValidationException.class, () -> b.ceilingMillis(0));
  }
}
