package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The concurrent runs: a duplicated S3 event (two runs over the same files at once) and overlapping schedules
 * (runs over overlapping days at once), on a lake that holds a committed version already. Every run must exit 0 and
 * the dataset must end with every row once, by every reader; the committed version's files must be untouched.
 */
class ConcurrentRunsTest {
  static final String COMMITTED = "2011-11-28..2011-11-30";
  static final List<String> SAME = List.of("2011-12-01..2011-12-09", "2011-12-01..2011-12-09",
      "2011-12-01..2011-12-09");
  static final List<String> OVERLAPPING = List.of("2011-12-01..2011-12-06", "2011-12-04..2011-12-09",
      "2011-11-29..2011-12-05");

  @TempDir Path dir;

  @ParameterizedTest(name = "{1} runs over {2} input on {0}")
  @CsvSource({"local, 2, same", "s3proxy, 2, same", "local, 3, same", "local, 2, overlapping",
      "local, 3, overlapping"})
  void concurrentRuns_sameOrOverlappingInput_allSucceedAndEveryRowOnce(String kind, int runs, String input)
      throws Exception {
    List<String> days = (input.equals("same") ? SAME : OVERLAPPING).subList(0, runs);
    try (Scenario s = Scenario.on(kind, dir)) {
      s.commit(COMMITTED, 1);

      List<ChildRun> started = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        started.add(s.start(s.run(days.get(i)).parallelism(1 + i % 2)));
      }
      List<ChildRun.Outcome> outcomes = new ArrayList<>();
      for (ChildRun run : started) {
        outcomes.add(run.await());
      }

      Set<java.time.LocalDate> all = new TreeSet<>(Scenario.daysOf(COMMITTED));
      days.forEach(d -> all.addAll(Scenario.daysOf(d)));
      s.checkAfter(outcomes, days, () -> assertThat(outcomes).as("every concurrent run exits 0")
          .allSatisfy(o -> assertThat(o.exitCode()).as(o.output()).isZero()),
          () -> s.assertHoldsExactly(all, false));
    }
  }
}
