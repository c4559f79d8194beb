package dev.lake.threadrunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.BadRowPolicy;
import dev.lake.DatasetVersion;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.BadRowException;
import dev.lake.exceptions.LakeException;
import dev.lake.runner.RunnerPlan;
import dev.lake.runner.TaskOutcome;
import dev.lake.testing.InMemorySource;
import dev.lake.transforms.Step;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner SPI kept honest by a runner written on it ({@link ThreadPoolRunner}: tasks on threads, plan and outcomes
 * through Java serialization, retries): the same rows and commit as the local runner; a task failing once is retried
 * and only the successful attempt's files are committed; a task failing for good, or a bad row under failFast (not
 * retried), commits nothing and leaves no file; a commit handed one task's or one split's outcome twice refuses.
 */
class ThreadPoolRunnerTest {
  @TempDir
  Path dir;

  /** A sale, as the pipelines of this test write it. */
  public record Sale(String invoice, long quantity) implements Serializable {}

  private static final List<Sale> SALES = IntStream.range(0, 3_000)
      .mapToObj(i -> new Sale(String.format("inv-%05d", i), i % 17)).toList();

  private static Pipeline<Sale> pipeline(Lake lake) {
    return Pipeline.from(InMemorySource.of("sales", SALES).withSplits(6)).named("sales")
        .to(lake.processed("sales").maxRowsPerFile(200));
  }

  private static List<Sale> rows(Lake lake) {
    return lake.read("sales", Sale.class).readAll().stream().sorted(Comparator.comparing(Sale::invoice)).toList();
  }

  /** The data files under the dataset's directory (the manifests and staging areas under "_" left out). */
  private List<String> dataFiles(String lake) throws IOException {
    Path data = dir.resolve(lake + "/processed/sales");
    if (!Files.exists(data)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("_")).toList();
    }
  }

  @Test
  void threadPoolRunner_writesTheSameRowsAndCommitAsTheLocalRunner() {
    Lake local = Lake.at(dir.resolve("local").toString());
    Lake threads = Lake.at(dir.resolve("threads").toString());

    PipelineResult expected = pipeline(local).run();
    ThreadPoolRunner runner = new ThreadPoolRunner(3, 1);
    PipelineResult result = pipeline(threads).run(runner);

    assertThat(rows(threads)).isEqualTo(rows(local)).isEqualTo(SALES);
    assertThat(result.splits()).isEqualTo(expected.splits()).isEqualTo(6);
    assertThat(result.rowsRead()).isEqualTo(expected.rowsRead()).isEqualTo(3_000);
    assertThat(result.rowsWritten()).isEqualTo(expected.rowsWritten());
    assertThat(result.reconciles()).isTrue();
    DatasetVersion version = threads.latest("sales").orElseThrow();
    assertThat(version.version()).isEqualTo(local.latest("sales").orElseThrow().version()).isEqualTo(1);
    assertThat(version.rows()).isEqualTo(3_000);
    assertThat(version.runId()).isEqualTo(result.runId());
    assertThat(runner.failedAttempts()).isZero();

    // the commit recorded the splits it holds: the same input again adds nothing
    PipelineResult again = pipeline(threads).run(runner);
    assertThat(again.splitsSkipped()).isEqualTo(6);
    assertThat(threads.latest("sales").orElseThrow().version()).isEqualTo(1);
    assertThat(rows(threads)).isEqualTo(SALES);
  }

  @Test
  void taskFailingOnce_isRetried_andOnlyTheSuccessfulAttemptsFilesAreCommitted() throws IOException {
    Lake lake = Lake.at(dir.resolve("retry").toString());
    ThreadPoolRunner runner = new ThreadPoolRunner(3, 2);

    PipelineResult result = pipeline(lake).apply(new FailOnce("retry", 450)).run(runner);

    assertThat(runner.failedAttempts()).isEqualTo(3); // each task's first attempt, after it finished two files
    assertThat(result.rowsWritten()).isEqualTo(3_000);
    assertThat(rows(lake)).isEqualTo(SALES);
    List<String> committed = lake.latest("sales").orElseThrow().files().stream().map(f -> f.path()).toList();
    assertThat(committed).hasSize(15); // 1,000 rows per task in files of 200
    assertThat(dataFiles("retry")).containsExactlyInAnyOrderElementsOf(committed);
  }

  @Test
  void taskFailingForGood_commitsNothing_andLeavesNoFile() throws IOException {
    Lake lake = Lake.at(dir.resolve("fail").toString());
    ThreadPoolRunner runner = new ThreadPoolRunner(3, 2);

    assertThatThrownBy(() -> pipeline(lake).apply(new FailAt("inv-02500")).run(runner))
        .isInstanceOf(LakeException.class).hasMessageContaining("Injected failure at inv-02500")
        .hasMessageContaining("othing was committed");

    assertThat(runner.failedAttempts()).isEqualTo(2);
    assertThat(lake.latest("sales")).isEmpty();
    assertThat(lake.cursors("sales")).isEmpty();
    assertThat(dataFiles("fail")).as("files of the tasks that succeeded, and of the failed attempts").isEmpty();
  }

  @Test
  void badRowUnderFailFast_failsTheRunWithoutRetry_andCommitsNothing() throws IOException {
    Lake lake = Lake.at(dir.resolve("bad").toString());
    ThreadPoolRunner runner = new ThreadPoolRunner(3, 2);

    assertThatThrownBy(() -> pipeline(lake).onBadRows(BadRowPolicy.failFast())
        .map("quantity-check", s -> {
          if (s.invoice().equals("inv-01234")) {
            throw new IllegalArgumentException("bad quantity");
          }
          return s;
        }).run(runner))
        .isInstanceOf(BadRowException.class).hasMessageContaining("bad quantity");

    assertThat(runner.failedAttempts()).as("a bad row is not retried").isZero();
    assertThat(lake.latest("sales")).isEmpty();
    assertThat(dataFiles("bad")).isEmpty();
  }

  @Test
  void commit_twoOutcomesOfOneTask_refuses_andCommitsNothing() throws IOException {
    Lake lake = Lake.at(dir.resolve("twice").toString());

    assertThatThrownBy(() -> RunnerPlan.inRounds(pipeline(lake), plan -> {
      TaskOutcome first = plan.runTask(0, 0, plan.splits());
      TaskOutcome retried = plan.runTask(0, 1, plan.splits());
      return plan.commit(List.of(first, retried));
    })).isInstanceOf(LakeException.class).hasMessageContaining("two outcomes of task 0")
        .hasMessageContaining("one outcome per task");

    assertThat(lake.latest("sales")).isEmpty();
    assertThat(dataFiles("twice")).isEmpty();
  }

  @Test
  void commit_oneSplitReadByTwoTasks_refuses_andCommitsNothing() throws IOException {
    Lake lake = Lake.at(dir.resolve("split-twice").toString());

    assertThatThrownBy(() -> RunnerPlan.inRounds(pipeline(lake), plan -> {
      List<TaskOutcome> outcomes = List.of(plan.runTask(0, 0, plan.splits()),
          plan.runTask(1, 1, plan.splits().subList(0, 1)));
      return plan.commit(outcomes);
    })).isInstanceOf(LakeException.class).hasMessageContaining("split memory:sales#0/6")
        .hasMessageContaining("read by 2 tasks");

    assertThat(lake.latest("sales")).isEmpty();
    assertThat(dataFiles("split-twice")).isEmpty();
  }

  /**
   * Fails the first attempt of every task after {@code afterRows} rows. Attempts work on their own deserialized
   * copies, so which tasks failed is kept in a static set, by the first invoice the task reads.
   */
  static final class FailOnce implements Step<Sale, Sale> {
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
    private final String test;
    private final int afterRows;
    private transient String first;
    private transient int seen;

    FailOnce(String test, int afterRows) {
      this.test = test;
      this.afterRows = afterRows;
    }

    @Override
    public String name() {
      return "fail-once";
    }

    @Override
    public void apply(Sale row, Consumer<? super Sale> out) {
      first = first == null ? row.invoice() : first;
      if (++seen == afterRows && FAILED.add(test + ":" + first)) {
        throw new LakeException("Injected failure of the task starting at " + first);
      }
      out.accept(row);
    }
  }

  /** Fails every attempt of the task that reads {@code invoice}. */
  record FailAt(String invoice) implements Step<Sale, Sale> {
    @Override
    public String name() {
      return "fail-at";
    }

    @Override
    public void apply(Sale row, Consumer<? super Sale> out) {
      if (row.invoice().equals(invoice)) {
        throw new LakeException("Injected failure at " + invoice);
      }
      out.accept(row);
    }
  }
}
