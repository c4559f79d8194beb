package dev.lake.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalContextTest {

  @Test
  void remainingTime_countsDownAsTheClockMovesAndStopsAtZero() {
    MovingClock clock = new MovingClock();
    LocalContext running = new LocalContext("ingest", Duration.ofSeconds(30), clock);
    LocalContext spent = new LocalContext("ingest", Duration.ofMillis(20), clock);
    clock.advance(Duration.ofMillis(40));

    assertThat(running.getRemainingTimeInMillis()).isEqualTo(29_960);
    assertThat(spent.getRemainingTimeInMillis()).isZero();
    clock.advance(Duration.ofSeconds(30));
    assertThat(running.getRemainingTimeInMillis()).isZero();
  }

  @Test
  void remainingTime_ofTheRealClock_isAtMostTheTimeout() {
    LocalContext running = new LocalContext("ingest", Duration.ofSeconds(30));

    assertThat(running.getRemainingTimeInMillis()).isBetween(0, 30_000);
    assertThat(new LocalContext("ingest", Duration.ofDays(60)).getRemainingTimeInMillis()).isPositive();
  }

  @Test
  void newContext_namesItsFunctionAndHasItsOwnRequestId() {
    LocalContext a = new LocalContext("football", Duration.ofMinutes(15));
    LocalContext b = new LocalContext("football", Duration.ofMinutes(15));

    assertThat(a.getFunctionName()).isEqualTo("football");
    assertThat(a.getInvokedFunctionArn()).endsWith(":function:football");
    assertThat(a.getLogGroupName()).isEqualTo("/aws/lambda/football");
    assertThat(a.getAwsRequestId()).isNotBlank().isNotEqualTo(b.getAwsRequestId());
    assertThat(a.getMemoryLimitInMB()).isEqualTo((int) (Runtime.getRuntime().maxMemory() >> 20));
  }

  @Test
  void logger_writesEachMessageToStandardError() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
      LocalContext context = new LocalContext("tweets", Duration.ofMinutes(1));
      context.getLogger().log("12 rows written");
      context.getLogger().log("0 rejected".getBytes(StandardCharsets.UTF_8));
    } finally {
      System.setErr(stderr);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly("12 rows written", "0 rejected");
  }

  @Test
  void logged_keepsEachMessageInOrder() {
    LocalContext context = new LocalContext("tweets", Duration.ofMinutes(1));
    context.getLogger().log("12 rows written");
    context.getLogger().log("0 rejected".getBytes(StandardCharsets.UTF_8));

    assertThat(context.logged()).containsExactly("12 rows written", "0 rejected");
    assertThat(new LocalContext("tweets", Duration.ofMinutes(1)).logged()).isEmpty();
  }

  @Test
  void frozen_remainingTimeIsTheOneGiven() {
    LocalContext frozen = LocalContext.frozen("test", Duration.ofMillis(1_600));

    assertThat(frozen.getRemainingTimeInMillis()).isEqualTo(1_600);
    assertThat(frozen.getRemainingTimeInMillis()).isEqualTo(1_600);
    assertThat(frozen.getFunctionName()).isEqualTo("test");
  }

  @Test
  void newContext_negativeTimeoutOrNoName_failsNamingTheArgument() {
    assertThatThrownBy(() -> new LocalContext("ingest", Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("LocalContext(ingest, timeout): the timeout must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> new LocalContext("", Duration.ofSeconds(1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("give the function's name");
    assertThatThrownBy(() -> new LocalContext("ingest", Duration.ofSeconds(1), null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("give a clock");
  }

  /** A clock that moves only when told. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-12-07T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
