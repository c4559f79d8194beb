package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The randomized crash harness. Each iteration takes a fresh lake (local or s3proxy) through a few steps of one to
 * three concurrent runs, each with random input (a range, a range overlapping an earlier one, a re-run), workers and
 * fault (none, kill -9 after a random delay, a failing step at a random invoice, disk full after random bytes,
 * read-only {@code _lake/}); after every step {@link Scenario#checkAfter} checks every invariant; the iteration ends
 * with a clean run over every file, after which every reader must see exactly 541,909 rows, quantity 5,176,450 and
 * revenue 9,747,747.934.
 *
 * <p>The short pass (CI) runs {@value #SHORT_PASS} small iterations. The long pass: {@code
 * -Dlake.crash.iterations=N}. Iteration {@code i} uses seed {@code S + i}, printed with its result; replay one with
 * {@code -Dlake.crash.seed=<its seed> -Dlake.crash.iterations=1}.
 */
class CrashHarnessTest {
  static final int SHORT_PASS = 3;

  @TempDir Path dir;

  @Test
  void randomRunsWithRandomFaults_afterEveryStep_everyPromiseHolds() throws Exception {
    int iterations = property("lake.crash.iterations", SHORT_PASS);
    long seed = property("lake.crash.seed", System.nanoTime());
    System.out.printf("crash harness: %d iteration(s), seed %d%n", iterations, seed);
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      long iterationSeed = seed + i;
      String result = iteration(i, iterationSeed);
      System.out.printf("crash harness: iteration %d seed %d: %s%n", i, iterationSeed, result);
      if (!result.equals("ok")) {
        failed.add("iteration " + i + " (replay: -Dlake.crash.seed=" + iterationSeed
            + " -Dlake.crash.iterations=1): " + result);
      }
    }
    assertThat(failed).as("iterations that broke a promise, of %d", iterations).isEmpty();
  }

  private String iteration(int index, long seed) throws Exception {
    HarnessPlan plan = new HarnessPlan(seed);
    Path home = Files.createDirectories(dir.resolve("iteration-" + index));
    String where = "setting up";
    try (Scenario s = Scenario.on(plan.lake(), home)) {
      int steps = plan.steps();
      for (int step = 1; step <= steps; step++) {
        List<HarnessPlan.Run> runs = plan.nextStep();
        where = "step " + step + " of " + steps + " on " + s.lake().kind() + ", runs " + runs;
        System.out.printf("crash harness: iteration %d %s%n", index, where);
        runStep(s, runs);
      }
      where = "the closing clean run over every file on " + s.lake().kind();
      ChildRun.Outcome clean = s.start(s.run(ReproductionsTest.EVERYTHING).parallelism(plan.parallelism())).await();
      s.checkAfter(clean, ReproductionsTest.EVERYTHING,
          () -> assertThat(clean.exitCode()).as("the clean run: %s", clean.output()).isZero(),
          s::assertHoldsEverything);
      return "ok";
    } catch (AssertionError | Exception e) {
      e.printStackTrace(System.out);
      return "FAILED at " + where + ": " + firstLine(e.toString());
    }
  }

  /** Starts the step's runs together, kills those drawn to be killed, and checks. */
  private static void runStep(Scenario s, List<HarnessPlan.Run> runs) throws Exception {
    List<ChildRun> started = new ArrayList<>();
    for (HarnessPlan.Run run : runs) {
      started.add(s.start(run.configure(s.run(run.days()))));
    }
    List<ChildRun.Outcome> outcomes = new ArrayList<>();
    List<Scenario.Check> checks = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      HarnessPlan.Run run = runs.get(i);
      ChildRun.Outcome out;
      if (run.fault() == HarnessPlan.Fault.KILL) {
        Thread.sleep(run.killAfterMillis()); // a random moment: the randomness, not a wait for an event
        out = started.get(i).kill();
      } else {
        out = started.get(i).await();
      }
      outcomes.add(out);
      String text = run.failureText();
      if (!out.succeeded() && !out.killed()) {
        checks.add(() -> assertThat(text).as("a run with no fault to fail on failed: %s", out.output()).isNotNull());
        checks.add(() -> assertThat(out.failure()).as("what %s says", run).contains(text));
      }
    }
    s.checkAfter(outcomes, runs.stream().map(HarnessPlan.Run::days).toList(), checks.toArray(Scenario.Check[]::new));
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int cut = m.indexOf('\n', 200);
    return cut < 0 ? m : m.substring(0, cut) + " ...";
  }

  private static int property(String name, int otherwise) {
    String v = System.getProperty(name, "");
    return v.isBlank() ? otherwise : Integer.parseInt(v.trim());
  }

  private static long property(String name, long otherwise) {
    String v = System.getProperty(name, "");
    return v.isBlank() ? otherwise : Long.parseLong(v.trim());
  }
}
