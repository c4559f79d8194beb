package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
  private final Retrier retrier = new Retrier(3, 1, 2, new Redactor(List.of()));

  @Test
  void run_uncheckedBrokenConnection_retriedLikeAnIoException() throws IOException {
    AtomicInteger calls = new AtomicInteger();

    String result = retrier.run("PUT s3://b/k", () -> {
      if (calls.incrementAndGet() == 1) {
        throw new UncheckedIOException(new SocketException("Unexpected end of file from server"));
      }
      return "ok";
    });

    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(2);
  }

  @Test
  void run_alwaysBroken_failsRetryableWithAttempts() {
    assertThatThrownBy(() -> retrier.run("PUT s3://b/k", () -> {
      throw new SocketException("Connection reset");
    })).isInstanceOfSatisfying(dev.lake.exceptions.SinkException.class, e -> {
      assertThat(e.retryable()).isTrue();
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.getMessage()).startsWith("PUT s3://b/k failed after 3 attempts");
    });
  }
}
