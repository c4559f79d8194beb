package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.LakeException;
import dev.lake.io.FaultyStore;
import dev.lake.io.NamedSplits;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol against failures: a run that fails, runs out of disk, meets a read-only {@code _lake/}, or dies
 * between its commit and the end of publishing never changes what readers see of the committed version, and the next
 * run leaves every input row exactly once. Checked by a plain DuckDB glob and by Lake's manifest reader.
 */
class CommitProtocolTest {
  @TempDir
  Path dir;
  private ObjectStore realStore;
  private FaultyStore faulty;

  record Line(String day, int n) {}

  static final Map<String, List<Line>> DAYS = new LinkedHashMap<>();

  static {
    for (int d = 1; d <= 6; d++) {
      String day = "2010-12-0" + d;
      DAYS.put(day, IntStream.range(0, 100).mapToObj(n -> new Line(day, n)).toList());
    }
  }

  private Lake lake() {
    return Lake.at(dir.toString());
  }

  private Pipeline<Line> pipeline(List<String> days, int parallelism) {
    return Pipeline.from(NamedSplits.of(DAYS).only(days)).named("lines").withParallelism(parallelism)
        .to(lake().processed("lines").partitionBy("day").maxRowsPerFile(30));
  }

  private FaultyStore faulty() {
    URI root = lake().root();
    realStore = ObjectStores.forUri(root);
    faulty = new FaultyStore(realStore);
    ObjectStores.register(root, faulty);
    return faulty;
  }

  @AfterEach
  void restoreStore() {
    if (realStore != null) {
      ObjectStores.register(lake().root(), realStore);
    }
  }

  /** Rows per day as a plain glob sees them and as the newest manifest says: they must agree. */
  private Map<String, Long> visible() throws Exception {
    Map<String, Long> glob = PlainReader.countBy(dir.resolve("processed/lines"), "day");
    assertThat(glob).as("plain glob vs manifest").isEqualTo(manifestView());
    return glob;
  }

  private Map<String, Long> manifestView() {
    Map<String, Long> counts = new TreeMap<>();
    if (lake().latest("lines").isEmpty()) {
      return counts;
    }
    for (GenericRecord r : lake().read("lines").readAll()) {
      counts.merge(r.get("day").toString(), 1L, Long::sum);
    }
    return counts;
  }

  private static Map<String, Long> hundredEach(List<String> days) {
    Map<String, Long> m = new TreeMap<>();
    days.forEach(d -> m.put(d, 100L));
    return m;
  }

  private List<Path> stagedFiles() throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".staged")).toList();
    }
  }

  private static final List<String> FIRST = List.of("2010-12-01", "2010-12-02", "2010-12-03");
  private static final List<String> ALL = List.copyOf(DAYS.keySet());

  @Test
  void run_overlappingInputAfterACommit_addsOnlyTheNewSplits() throws Exception {
    pipeline(FIRST, 1).run();

    PipelineResult all = pipeline(ALL, 2).run();

    assertThat(all.splitsSkipped()).isEqualTo(3);
    assertThat(all.splits()).isEqualTo(3);
    assertThat(all.rowsWritten()).isEqualTo(300);
    assertThat(visible()).isEqualTo(hundredEach(ALL));
  }

  @Test
  void run_stepFailsOnTheLastRowWithOtherParallelism_committedVersionUntouched() throws Exception {
    pipeline(FIRST, 1).run();
    Map<String, Long> before = visible();
    Pipeline<Line> failing = Pipeline.from(NamedSplits.of(DAYS).only(ALL)).named("lines").withParallelism(2)
        .map("explode-on-the-last-row", l -> {
          if (l.day().equals("2010-12-06") && l.n() == 99) {
            throw new IllegalStateException("boom");
          }
          return l;
        }).to(lake().processed("lines").partitionBy("day").maxRowsPerFile(30));

    assertThatThrownBy(failing::run).hasMessageContaining("boom");

    assertThat(visible()).isEqualTo(before).isEqualTo(hundredEach(FIRST));
    assertThat(lake().history("lines")).hasSize(1);
    assertThat(stagedFiles()).as("a failed run discards what it staged").isEmpty();
    assertThat(pipeline(ALL, 3).run().splitsSkipped()).isEqualTo(3);
    assertThat(visible()).isEqualTo(hundredEach(ALL));
  }

  @Test
  void run_diskFullDuringARerun_failsNamingTheCauseAndKeepsTheCommittedVersion() throws Exception {
    pipeline(FIRST, 1).run();
    faulty().diskFullAfter(lake().uri("processed/"), 3_000);

    assertThatThrownBy(() -> pipeline(ALL, 2).run()).isInstanceOf(LakeException.class)
        .hasMessageContaining("No space left on device").hasMessageContaining("processed/lines")
        .hasMessageContaining("Nothing was committed");

    assertThat(visible()).isEqualTo(hundredEach(FIRST));
    assertThat(stagedFiles()).isEmpty();
    faulty.heal();
    pipeline(ALL, 2).run();
    assertThat(visible()).isEqualTo(hundredEach(ALL));
  }

  @Test
  void run_readOnlyLakeMetadata_failsSayingNothingWasCommitted() throws Exception {
    pipeline(FIRST, 1).run();
    List<Path> committedFiles = parquetFiles();
    faulty().readOnly(lake().uri("_lake/"));

    assertThatThrownBy(() -> pipeline(ALL, 2).run()).hasMessageContaining("Read-only file system")
        .hasMessageContaining("Nothing was committed");

    assertThat(parquetFiles()).isEqualTo(committedFiles);
    assertThat(visible()).isEqualTo(hundredEach(FIRST));
    assertThat(stagedFiles()).isEmpty();
    faulty.heal();
    pipeline(ALL, 1).run();
    assertThat(visible()).isEqualTo(hundredEach(ALL));
  }

  @Test
  void run_diesBetweenItsCommitAndPublishing_nextRunPublishesItOnce() throws Exception {
    pipeline(FIRST, 1).run();
    faulty().failPublishAfter(2);

    assertThatThrownBy(() -> pipeline(ALL, 2).run()).hasMessageContaining("committed");

    faulty.heal();
    assertThat(lake().cursors("lines")).isEmpty();
    assertThat(manifestView()).as("manifest readers still see the committed version").isEqualTo(hundredEach(FIRST));
    PipelineResult next = pipeline(ALL, 2).run();
    assertThat(next.splitsSkipped()).as("the crashed run's commit was published first").isEqualTo(6);
    assertThat(visible()).isEqualTo(hundredEach(ALL));
    assertThat(stagedFiles()).isEmpty();
  }

  @Test
  void run_anotherPipelineCommitsToTheDataset_rollsACrashedPublicationForward() throws Exception {
    faulty().failPublishAfter(3);
    assertThatThrownBy(() -> pipeline(FIRST, 1).run()).hasMessageContaining("committed");
    faulty.heal();

    Pipeline.from(NamedSplits.of(DAYS).only(List.of("2010-12-05"))).named("other-writer")
        .to(lake().processed("lines").partitionBy("day").maxRowsPerFile(30)).run();

    Map<String, Long> expected = hundredEach(FIRST);
    expected.put("2010-12-05", 100L);
    assertThat(visible()).isEqualTo(expected);
  }

  private List<Path> parquetFiles() throws Exception {
    try (Stream<Path> s = Files.walk(dir.resolve("processed/lines"))) {
      return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }
}
