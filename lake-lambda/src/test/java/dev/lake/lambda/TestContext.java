package dev.lake.lambda;

import java.time.Duration;

/**
 * A {@link LocalContext} for function "test" with a fixed remaining time at creation, counting down in real time;
 * {@link #frozen} makes one whose remaining time never moves, for tests that run their budget on their own clock.
 */
class TestContext extends LocalContext {

  TestContext(long remainingMillis) {
    super("test", Duration.ofMillis(remainingMillis));
  }

  /** A context that always has exactly {@code remainingMillis} left: no real time enters the test. */
  static TestContext frozen(int remainingMillis) {
    return new TestContext(remainingMillis) {
      @Override
      public int getRemainingTimeInMillis() {
        return remainingMillis;
      }
    };
  }
}
