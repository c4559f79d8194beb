package dev.lake.it;

import dev.lake.it.check.ExpectedAnswers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The random choices of one {@link CrashHarnessTest} iteration, all drawn from one seed: the lake, and for each step
 * the runs (one to three at once), each with its input, workers and fault. Inputs are a random range of a few days, a
 * range overlapping an earlier one, a re-run of an earlier set, or now and then every day. The draws do not depend on
 * how many iterations run, so that one seed replays one iteration exactly.
 *
 * <pre>{@code
 * HarnessPlan plan = new HarnessPlan(seed);
 * List<HarnessPlan.Run> step = plan.nextStep();
 * }</pre>
 */
final class HarnessPlan {
  /** A fault a run gets. */
  enum Fault { NONE, KILL, FAIL_AT_INVOICE, DISK_FULL, READ_ONLY_METADATA }

  /**
   * One run of a step.
   *
   * @param days its input ({@code --days})
   * @param parallelism workers, 1-3
   * @param fault its fault
   * @param invoice where {@link Fault#FAIL_AT_INVOICE} fires
   * @param diskBytes bytes before the disk is full, for {@link Fault#DISK_FULL}
   * @param killAfterMillis delay before {@link Fault#KILL}
   */
  record Run(String days, int parallelism, Fault fault, String invoice, long diskBytes, int killAfterMillis) {
    ChildRun configure(ChildRun run) {
      run.parallelism(parallelism).maxRowsPerFile(2000);
      return switch (fault) {
        case FAIL_AT_INVOICE -> run.failAt(invoice);
        case DISK_FULL -> run.diskFullAfter(diskBytes);
        case READ_ONLY_METADATA -> run.readOnlyMetadata();
        case NONE, KILL -> run;
      };
    }

    /** What a failed run must name, or null when it must not fail. */
    String failureText() {
      return switch (fault) {
        case FAIL_AT_INVOICE -> "Injected failure at invoice " + invoice;
        case DISK_FULL -> "No space left on device";
        case READ_ONLY_METADATA -> "Read-only file system";
        case NONE, KILL -> null;
      };
    }

    @Override
    public String toString() {
      return days + " x" + parallelism + (fault == Fault.NONE ? "" : " " + fault + switch (fault) {
        case FAIL_AT_INVOICE -> " " + invoice;
        case DISK_FULL -> " after " + diskBytes + " bytes";
        case KILL -> " after " + killAfterMillis + " ms";
        default -> "";
      });
    }
  }

  private final Random random;
  private final List<LocalDate> days = ExpectedAnswers.get().allDays();
  private final List<int[]> earlier = new ArrayList<>();

  HarnessPlan(long seed) {
    this.random = new Random(new SplittableRandom(seed).nextLong()); // consecutive seeds, unrelated draws
  }

  /** "local" or "s3proxy". */
  String lake() {
    return random.nextBoolean() ? "local" : "s3proxy";
  }

  /** How many steps before the closing clean run. */
  int steps() {
    return 2 + random.nextInt(2);
  }

  /** The runs of the next step, started together. */
  List<Run> nextStep() {
    int runs = 1 + random.nextInt(3);
    List<Run> step = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      int[] range = input();
      String spec = range[0] == 0 && range[1] == days.size() - 1 ? ReproductionsTest.EVERYTHING
          : days.get(range[0]) + ".." + days.get(range[1]);
      Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
      step.add(new Run(spec, 1 + random.nextInt(3), fault, invoiceIn(days.get(range[0] + random.nextInt(
          range[1] - range[0] + 1))), random.nextInt(300_000), random.nextInt(3_000)));
    }
    return step;
  }

  /** Indexes of the first and last day of a run's input. */
  private int[] input() {
    int draw = random.nextInt(12);
    int kind = earlier.isEmpty() ? 0 : draw < 4 ? 1 : draw < 7 ? 2 : draw == 7 ? 3 : 0;
    int[] range;
    if (kind == 1) { // overlapping an earlier range
      int[] e = earlier.get(random.nextInt(earlier.size()));
      int from = Math.max(0, e[0] + random.nextInt(e[1] - e[0] + 1) - random.nextInt(4));
      range = new int[] {from, Math.min(days.size() - 1, from + 2 + random.nextInt(8))};
    } else if (kind == 2) { // a re-run of an earlier set
      range = earlier.get(random.nextInt(earlier.size())).clone();
    } else if (kind == 3) { // every day
      range = new int[] {0, days.size() - 1};
    } else {
      int length = 2 + random.nextInt(8);
      int from = random.nextInt(days.size() - length);
      range = new int[] {from, from + length};
    }
    earlier.add(range);
    return range;
  }

  /** A random invoice of a day, read from its file. */
  private String invoiceIn(LocalDate day) {
    Path file = ExpectedAnswers.BY_DAY.resolve(day + ".csv.gz");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      List<String> lines = in.lines().skip(1).toList();
      String line = lines.get(random.nextInt(lines.size()));
      return line.substring(0, line.indexOf(','));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Workers for the closing clean run. */
  int parallelism() {
    return 1 + random.nextInt(3);
  }
}
