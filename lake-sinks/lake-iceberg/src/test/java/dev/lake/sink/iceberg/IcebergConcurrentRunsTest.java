package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.NamedSplits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs into one Iceberg table at once, over random overlapping splits with random parallelism, and runs that fail
 * half-way: every split read by any run is in the table exactly once, and every Parquet file under the table's data
 * directory is one the current snapshot references (a failed or losing attempt removed its own files, and none of
 * a committed snapshot was removed).
 */
class IcebergConcurrentRunsTest {
  @TempDir
  Path dir;

  record Line(String split, int n) {}

  static final Map<String, List<Line>> SPLITS = new LinkedHashMap<>();

  static {
    for (int s = 0; s < 8; s++) {
      String name = "s" + s;
      SPLITS.put(name, IntStream.range(0, 30).mapToObj(n -> new Line(name, n)).toList());
    }
  }

  @Test
  void threeRunsAtOnceOverOverlappingSplits_everyRowOnce_noFileLeftBehind() throws Exception {
    long seed = Long.getLong("lake.concurrent.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int iteration = 0; iteration < 4; iteration++) {
      IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w" + iteration).toString());
      TreeSet<String> read = new TreeSet<>();
      List<List<String>> inputs = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        List<String> names = new ArrayList<>(SPLITS.keySet());
        Collections.shuffle(names, random);
        List<String> some = List.copyOf(names.subList(0, 2 + random.nextInt(6)));
        inputs.add(some);
        read.addAll(some);
      }
      runAtOnce(catalog, inputs, random);

      Map<String, Long> expected = new TreeMap<>();
      read.forEach(s -> expected.put(s, 30L));
      Table table = catalog.load("t.lines");
      assertThat(IcebergTableReader.countBy(table, "split"))
          .as("seed %s, iteration %s, inputs %s", seed, iteration, inputs).isEqualTo(expected);
      assertThat(IcebergTableReader.filesOnDisk(table)).as("seed %s, iteration %s", seed, iteration)
          .isEqualTo(IcebergTableReader.pathsOf(IcebergTableReader.dataFiles(table)));
    }
  }

  @Test
  void runThatFailsHalfWay_leavesTheTableAsItWas_andTheNextRunAddsEverySplitOnce() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    IcebergSink<Line> sink = catalog.<Line>table("t.lines").partitionBy("split").targetFileBytes(1024);
    Pipeline.from(NamedSplits.of(SPLITS).only(List.of("s0", "s1"))).named("lines").to(sink).run();
    Table table = catalog.load("t.lines");
    long before = table.currentSnapshot().snapshotId();

    AtomicInteger seen = new AtomicInteger();
    assertThatThrownBy(() -> Pipeline.from(NamedSplits.of(SPLITS)).named("lines").withParallelism(2)
        .map("fails-at-row-150", (Line l) -> {
          if (seen.incrementAndGet() == 150) {
            throw new IllegalStateException("injected failure");
          }
          return l;
        }).to(sink).run()).hasMessageContaining("injected failure");

    table.refresh();
    assertThat(table.currentSnapshot().snapshotId()).isEqualTo(before);
    assertThat(IcebergTableReader.filesOnDisk(table))
        .isEqualTo(IcebergTableReader.pathsOf(IcebergTableReader.dataFiles(table)));

    PipelineResult again = Pipeline.from(NamedSplits.of(SPLITS)).named("lines").withParallelism(2).to(sink).run();
    assertThat(again.splitsSkipped()).isEqualTo(2);
    Map<String, Long> expected = new TreeMap<>();
    SPLITS.keySet().forEach(s -> expected.put(s, 30L));
    assertThat(IcebergTableReader.countBy(table, "split")).isEqualTo(expected);
  }

  private static void runAtOnce(IcebergCatalog catalog, List<List<String>> inputs, Random random) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
    try {
      List<Future<PipelineResult>> runs = new ArrayList<>();
      for (List<String> input : inputs) {
        int parallelism = 1 + random.nextInt(3);
        runs.add(pool.submit(() -> {
          start.await();
          return Pipeline.from(NamedSplits.of(SPLITS).only(input)).named("lines").withParallelism(parallelism)
              .to(catalog.<Line>table("t.lines").partitionBy("split").targetFileBytes(1024)).run();
        }));
      }
      start.countDown();
      for (Future<PipelineResult> run : runs) {
        assertThat(run.get(2, TimeUnit.MINUTES).reconciles()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
