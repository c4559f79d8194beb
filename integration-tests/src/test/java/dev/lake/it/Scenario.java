package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.it.check.Committed;
import dev.lake.it.check.ExpectedAnswers;
import dev.lake.it.check.Invariants;
import dev.lake.it.check.LakeLocation;
import dev.lake.it.check.LakeViews;
import dev.lake.it.check.LocalLake;
import dev.lake.it.check.S3Lake;
import dev.lake.it.check.View;
import dev.lake.it.driver.DriverOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opentest4j.MultipleFailuresError;

/**
 * A lake under test and what the tests know about it: the newest manifest at the last check and whether a run was
 * killed since the last successful one. {@link #checkAfter} checks every invariant after a step and reports all that
 * fail at once, so a failure names every broken promise, not just the first.
 *
 * <pre>{@code
 * Scenario s = Scenario.on("local", dir);
 * s.checkAfter(s.start(ChildRun.of(s.lake(), "2011-12-01..2011-12-09")).await(), "2011-12-01..2011-12-09");
 * }</pre>
 */
final class Scenario implements AutoCloseable {
  /** What a run that failed before its commit must say, besides what failed. */
  static final String NOTHING_COMMITTED = "(?is).*(nothing (was |is |has been )?(committed|read)|not committed"
      + "|no (new )?version (was |is )?committed).*";

  private final LakeLocation lake;
  private final LakeViews views;
  private final Path logs;
  private Committed last;
  /** The glob view at the last check, or null when that check did not read it (the end checks reuse it). */
  private View lastGlob;
  private boolean killedSinceSuccess;
  private final List<ChildRun> started = new ArrayList<>();

  private Scenario(LakeLocation lake, Path logs) throws Exception {
    this.lake = lake;
    this.views = new LakeViews(lake);
    this.logs = logs;
    this.last = views.committed();
  }

  /** A fresh lake, {@code "local"} (under {@code dir}) or {@code "s3proxy"} (a new bucket). */
  static Scenario on(String kind, Path dir) throws Exception {
    LakeLocation lake = kind.equals("s3proxy") ? S3Lake.newBucket() : LocalLake.in(dir.resolve("lake"));
    return new Scenario(lake, dir.resolve("logs"));
  }

  LakeLocation lake() {
    return lake;
  }

  LakeViews views() {
    return views;
  }

  /** The newest manifest at the last check. */
  Committed committed() {
    return last;
  }

  /** A run over {@code days} on this lake. */
  ChildRun run(String days) {
    return ChildRun.of(lake, days);
  }

  /** Starts a run (killed at {@link #close()} if it is still going then, e.g. after a failed assertion). */
  ChildRun start(ChildRun run) throws IOException {
    started.add(run);
    return run.start(logs);
  }

  /** Runs {@code days} with no fault, requires success, and checks. */
  void commit(String days, int parallelism) throws Exception {
    ChildRun.Outcome out = start(run(days).parallelism(parallelism)).await();
    assertThat(out.exitCode()).as("clean run over %s: %s", days, out.output()).isZero();
    checkAfter(out, days);
  }

  /** The days with a file among {@code days} (a {@code --days} spec). */
  static Set<LocalDate> daysOf(String days) {
    Set<LocalDate> out = new TreeSet<>();
    DriverOptions.parse("--lake", "x", "--data", ExpectedAnswers.BY_DAY.toString(), "--days", days).inputs()
        .forEach(u -> out.add(LocalDate.parse(Path.of(u).getFileName().toString().substring(0, 10))));
    return out;
  }

  /**
   * The invariants after runs ended ({@code outcome} each, killed or not, over {@code days} each): the newest
   * manifest is consistent and kept every file and day of the previous one; each successful run's days are there; a
   * failed run said why and that nothing was committed (then no version was added, when it ran alone); and, unless a
   * run was killed since the last success, a plain glob sees exactly the newest manifest's rows. Failures of
   * {@code more} checks are reported with these.
   */
  void checkAfter(List<ChildRun.Outcome> outcomes, List<String> days, Check... more) throws Exception {
    List<Throwable> failures = new ArrayList<>();
    Committed now = views.committed();
    attempt(failures, () -> Invariants.committedIsConsistent(now));
    attempt(failures, () -> Invariants.committedFilesUnchanged(last, now));
    for (int i = 0; i < outcomes.size(); i++) {
      ChildRun.Outcome out = outcomes.get(i);
      Set<LocalDate> runDays = daysOf(days.get(i));
      if (out.succeeded()) {
        attempt(failures, () -> Invariants.includes(now.view(), runDays));
      } else if (out.killed()) {
        killedSinceSuccess = true;
      } else {
        attempt(failures, () -> assertThat(out.failure()).as("what a failed run says: %s", out.output())
            .isNotBlank().matches(NOTHING_COMMITTED));
        if (outcomes.size() == 1 && !killedSinceSuccess) {
          attempt(failures, () -> assertThat(now.version()).as("the newest version after a failed run")
              .isEqualTo(last.version()));
        }
      }
    }
    if (outcomes.stream().anyMatch(ChildRun.Outcome::succeeded)
        && outcomes.stream().noneMatch(ChildRun.Outcome::killed)) {
      killedSinceSuccess = false;
    }
    lastGlob = null;
    if (!killedSinceSuccess) {
      attempt(failures, () -> {
        lastGlob = views.glob();
        Invariants.globShowsExactlyCommitted(lastGlob, now);
      });
    }
    last = now;
    for (Check check : more) {
      attempt(failures, check);
    }
    if (!failures.isEmpty()) {
      throw new MultipleFailuresError("after " + outcomes.size() + " run(s) over " + days + " on " + lake, failures);
    }
  }

  /** {@link #checkAfter(List, List, Check...)} for one run. */
  void checkAfter(ChildRun.Outcome outcome, String days, Check... more) throws Exception {
    checkAfter(List.of(outcome), List.of(days), more);
  }

  /**
   * Right after {@link #checkAfter}: every reader sees exactly {@code days} (Lake's own reader too when {@code lakeReader}: complete and once, as
   * {@link #checkAfter} checked for the others).
   */
  void assertHoldsExactly(Collection<LocalDate> days, boolean lakeReader) throws Exception {
    List<Throwable> failures = new ArrayList<>();
    attempt(failures, () -> Invariants.holdsExactly(last.view(), days));
    attempt(failures, () -> Invariants.holdsExactly(glob(), days));
    if (lakeReader) {
      attempt(failures, () -> {
        View lakeRead = views.lakeReader();
        Invariants.everyDayCompleteAndOnce(lakeRead);
        Invariants.holdsExactly(lakeRead, days);
      });
    }
    if (!failures.isEmpty()) {
      throw new MultipleFailuresError(days.size() + " days by every reader on " + lake, failures);
    }
  }

  /**
   * Right after {@link #checkAfter}: every reader sees the whole data set: 541,909 rows, quantity 5,176,450, revenue 9,747,747.934 (and Lake's own
   * reader each day complete and once, as {@link #checkAfter} checked for the others).
   */
  void assertHoldsEverything() throws Exception {
    List<Throwable> failures = new ArrayList<>();
    for (Check view : List.<Check>of(() -> Invariants.holdsEverything(last.view()),
        () -> Invariants.holdsEverything(glob()), () -> {
          View lakeRead = views.lakeReader();
          Invariants.everyDayCompleteAndOnce(lakeRead);
          Invariants.holdsEverything(lakeRead);
        })) {
      attempt(failures, view);
    }
    if (!failures.isEmpty()) {
      throw new MultipleFailuresError("the whole data set by every reader on " + lake, failures);
    }
  }

  /** The glob view of the last check, or a new one. */
  private View glob() throws Exception {
    return lastGlob != null ? lastGlob : views.glob();
  }

  /** A check that may throw. */
  interface Check {
    void run() throws Exception;
  }

  /** Runs a check, keeping what it throws (an assertion or a reader's error, e.g. "No such file"). */
  static void attempt(List<Throwable> failures, Check check) {
    try {
      check.run();
    } catch (Exception | AssertionError e) {
      failures.add(e);
    }
  }

  @Override
  public void close() {
    started.forEach(ChildRun::stop);
    lake.close();
  }
}
