package dev.lake.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one-minute load average from {@code /proc/loadavg} ("?" where there is none), recorded with every
 * measurement so that figures taken on a busy machine can be told apart.
 *
 * <pre>{@code
 * String load = LoadAverage.now();   // e.g. "1.63"
 * }</pre>
 */
public final class LoadAverage {
  private LoadAverage() {}

  public static String now() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
