package dev.lake.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What code under test prints to {@code System.out}, captured and then echoed to the real {@code System.out} for the
 * test log (shared by the examples' tests).
 *
 * <pre>{@code
 * String out = Printed.byExample("tweets", "--lake", lake.toString(), "--data", DATA.toString());
 * }</pre>
 */
public final class Printed {
  private Printed() {}

  /** Runs {@code run} with {@code System.out} captured; returns what it printed. */
  public static String by(Runnable run) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      run.run();
    } finally {
      System.setOut(stdout);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    stdout.print(out);
    return out;
  }

  /** Runs the examples command with {@code args}; returns what it printed, failing (with it) on a non-zero exit. */
  public static String byExample(String... args) {
    int[] status = {-1};
    String out = by(() -> status[0] = LakeExamples.run(args));
    assertThat(status[0]).as(out).isZero();
    return out;
  }
}
