package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.io.NamedSplits;
import java.nio.file.Path;
import java.util.ArrayList;
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
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of one pipeline at once in one JVM, over random overlapping sets of splits, with random parallelism: every
 * run succeeds (one that loses the commit race reads again what the others did not commit) and every row of every
 * split read by any run is there exactly once, for a plain glob and for the manifest reader.
 */
class ConcurrentRunsTest {
  @TempDir
  Path dir;

  record Line(String split, int n) {}

  static final Map<String, List<Line>> SPLITS = new LinkedHashMap<>();

  static {
    for (int s = 0; s < 8; s++) {
      String name = "s" + s;
      SPLITS.put(name, IntStream.range(0, 50).mapToObj(n -> new Line(name, n)).toList());
    }
  }

  @Test
  void run_threeAtOnceOverOverlappingSplits_everyRowOnce() throws Exception {
    long seed = Long.getLong("lake.concurrent.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int iteration = 0; iteration < 6; iteration++) {
      Path root = dir.resolve("lake-" + iteration);
      TreeSet<String> read = new TreeSet<>();
      List<List<String>> inputs = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        List<String> names = new ArrayList<>(SPLITS.keySet());
        java.util.Collections.shuffle(names, random);
        List<String> some = names.subList(0, 2 + random.nextInt(6));
        inputs.add(List.copyOf(some));
        read.addAll(some);
      }
      runAtOnce(root, inputs, random);

      Map<String, Long> expected = new TreeMap<>();
      read.forEach(s -> expected.put(s, 50L));
      assertThat(PlainReader.countBy(root.resolve("processed/lines"), "split"))
          .as("glob, seed %s, iteration %s, inputs %s", seed, iteration, inputs).isEqualTo(expected);
      Map<String, Long> manifest = new TreeMap<>();
      for (GenericRecord row : Lake.at(root.toString()).read("lines").readAll()) {
        manifest.merge(row.get("split").toString(), 1L, Long::sum);
      }
      assertThat(manifest).as("manifest, seed %s, iteration %s", seed, iteration).isEqualTo(expected);
    }
  }

  private static void runAtOnce(Path root, List<List<String>> inputs, Random random) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
    try {
      List<Future<PipelineResult>> runs = new ArrayList<>();
      for (List<String> input : inputs) {
        int parallelism = 1 + random.nextInt(3);
        runs.add(pool.submit(() -> {
          start.await();
          return Pipeline.from(NamedSplits.of(SPLITS).only(input)).named("lines").withParallelism(parallelism)
              .to(Lake.at(root.toString()).processed("lines").partitionBy("split").maxRowsPerFile(20)).run();
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
