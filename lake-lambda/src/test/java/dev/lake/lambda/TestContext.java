package dev.lake.lambda;

import java.time.Duration;

/** A {@link LocalContext} for function "test" with a fixed remaining time at creation, counting down in real time. */
final class TestContext extends LocalContext {

  TestContext(long remainingMillis) {
    super("test", Duration.ofMillis(remainingMillis));
  }
}
