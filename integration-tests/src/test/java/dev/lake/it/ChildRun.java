package dev.lake.it;

import dev.lake.it.check.ExpectedAnswers;
import dev.lake.it.check.LakeLocation;
import dev.lake.it.driver.CrashDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link CrashDriver} run in a child JVM on the test class path, its output in a log file. The test can wait for
 * it, poll for a marker file it creates, or kill it with SIGKILL ({@link Process#destroyForcibly()}).
 *
 * <pre>{@code
 * ChildRun run = ChildRun.of(lake, "2011-12-01..2011-12-09").parallelism(2).failAt("581587").start(logs);
 * ChildRun.Outcome out = run.await();
 * }</pre>
 */
final class ChildRun {
  /** Longer than any run takes on a busy 2-core machine; a run still going then is a hang. */
  static final Duration DEADLINE = Duration.ofMinutes(5);

  private final LakeLocation lake;
  private final String days;
  private final List<String> args = new ArrayList<>();
  private int parallelism = 1;
  private long maxRowsPerFile = 5000;
  private Process process;
  private Path log;

  private ChildRun(LakeLocation lake, String days) {
    this.lake = lake;
    this.days = days;
  }

  /** A run over {@code days} ({@code 2010-12-01..2010-12-31}, comma-separated days and ranges). */
  static ChildRun of(LakeLocation lake, String days) {
    return new ChildRun(lake, days);
  }

  ChildRun parallelism(int workers) {
    this.parallelism = workers;
    return this;
  }

  ChildRun maxRowsPerFile(long rows) {
    this.maxRowsPerFile = rows;
    return this;
  }

  ChildRun failAt(String invoice) {
    return with("--fail-at", invoice);
  }

  ChildRun pauseAt(String invoice, Path markers) {
    return with("--pause-at", invoice).with("--markers", markers.toString());
  }

  ChildRun diskFullAfter(long bytes) {
    return with("--disk-full-after", String.valueOf(bytes));
  }

  ChildRun readOnlyMetadata() {
    args.add("--read-only-metadata");
    return this;
  }

  private ChildRun with(String option, String value) {
    args.add(option);
    args.add(value);
    return this;
  }

  /** Starts the child; its output goes to a new file in {@code logs}. */
  ChildRun start(Path logs) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath()));
    command.addAll(lake.childJvmOptions());
    command.addAll(List.of(CrashDriver.class.getName(), "--lake", lake.root().toString(), "--data",
        ExpectedAnswers.BY_DAY.toString(), "--days", days, "--parallelism", String.valueOf(parallelism),
        "--max-rows-per-file", String.valueOf(maxRowsPerFile)));
    command.addAll(args);
    Files.createDirectories(logs);
    log = Files.createTempFile(logs, "run-", ".log");
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return this;
  }

  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  /** Waits for the run to end (killing it past {@link #DEADLINE}). */
  Outcome await() throws IOException, InterruptedException {
    if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("Run over " + days + " still going after " + DEADLINE + ": " + Files.readString(log));
    }
    return new Outcome(process.exitValue(), Files.readString(log), false);
  }

  /** Kills the run with SIGKILL (unless it ended already) and waits until it is gone. */
  Outcome kill() throws IOException, InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    // 128 + SIGKILL; a run that ended on its own just before keeps its own exit code
    return new Outcome(process.exitValue(), Files.readString(log), process.exitValue() == 137);
  }

  /** Kills the run if it is still going (cleanup after a failed test). */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /** Waits until {@code marker} exists; fails if the run ends first or the deadline passes. */
  void awaitFile(Path marker) throws IOException, InterruptedException {
    Instant giveUp = Instant.now().plus(DEADLINE);
    while (!Files.exists(marker)) {
      if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
        throw new AssertionError("No " + marker + " from the run over " + days + " (alive: " + process.isAlive()
            + "): " + Files.readString(log));
      }
      process.waitFor(20, TimeUnit.MILLISECONDS); // polling the marker; returns at once if the run ends
    }
  }

  @Override
  public String toString() {
    return "run over " + days + " with " + parallelism + " worker(s) " + String.join(" ", args) + " on " + lake.kind();
  }

  /**
   * How a run ended.
   *
   * @param exitCode 0 when it committed; 137 when killed
   * @param output what it printed
   * @param killed whether the test killed it
   */
  record Outcome(int exitCode, String output, boolean killed) {
    boolean succeeded() {
      return exitCode == 0;
    }

    /** The {@code FAILED:} line (the run's own error message), or an empty string. */
    String failure() {
      return output.lines().filter(l -> l.startsWith("FAILED: ")).findFirst().orElse("");
    }
  }
}
