package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.NamedSplits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upserts into one table from several runs at once, over random overlapping keys. Iceberg gives an equality delete
 * the sequence number of the snapshot that commits it, and a delete applies to every data file of a lower sequence
 * number: so concurrent upserts serialize in commit order, whatever order they started in. Every key is in the
 * table once, with the value of the last run to commit it (read from the runs' snapshots), and no file is left
 * behind by a losing attempt.
 */
class IcebergConcurrentUpsertTest {
  @TempDir
  Path dir;

  record Reading(String sensor, int month, long value) {}

  @Test
  void threeUpsertRunsAtOnce_overlappingKeys_oneRowPerKey_theLastCommitWins() throws Exception {
    long seed = Long.getLong("lake.concurrent.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int iteration = 0; iteration < 3; iteration++) {
      IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w" + iteration).toString());
      Map<String, Long> initial = new TreeMap<>();
      List<Reading> first = new ArrayList<>();
      for (int k = 0; k < 30; k++) {
        first.add(new Reading("sensor-" + k, 1 + k % 3, -k));
        initial.put(key("sensor-" + k, 1 + k % 3), (long) -k);
      }
      upsert(catalog, Map.of("initial", first), 1);

      List<Map<String, List<Reading>>> inputs = new ArrayList<>();
      List<Map<String, Long>> values = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        Map<String, List<Reading>> splits = new LinkedHashMap<>();
        Map<String, Long> byKey = new HashMap<>();
        for (int s = 0; s < 1 + random.nextInt(3); s++) {
          List<Reading> rows = new ArrayList<>();
          for (int k = 0; k < 40; k++) {
            String key = key("sensor-" + k, 1 + k % 3);
            if (!byKey.containsKey(key) && random.nextInt(3) == 0) {
              long value = 1000L * (r + 1) + k;
              rows.add(new Reading("sensor-" + k, 1 + k % 3, value));
              byKey.put(key, value);
            }
          }
          splits.put("run" + r + "-part" + s, rows);
        }
        inputs.add(splits);
        values.add(byKey);
      }

      List<PipelineResult> results = runAtOnce(catalog, inputs, random);

      Table table = catalog.load("plant.readings");
      Map<String, Long> sequence = new HashMap<>();
      for (Snapshot s : table.snapshots()) {
        sequence.put(s.summary().get(SnapshotLedger.RUN), s.sequenceNumber());
      }
      Map<String, Long> expected = new TreeMap<>(initial);
      List<Integer> commitOrder = new ArrayList<>(List.of(0, 1, 2));
      // a run whose random input came out empty committed nothing
      commitOrder.sort((a, b) -> Long.compare(sequence.getOrDefault(results.get(a).runId(), -1L),
          sequence.getOrDefault(results.get(b).runId(), -1L)));
      commitOrder.forEach(r -> expected.putAll(values.get(r)));

      assertThat(values(table)).as("seed %s, iteration %s, commit order %s", seed, iteration, commitOrder)
          .isEqualTo(expected);
      assertThat(IcebergTableReader.filesOnDisk(table)).as("seed %s, iteration %s", seed, iteration)
          .isEqualTo(IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(table)));
    }
  }

  private static String key(String sensor, int month) {
    return sensor + "/" + month;
  }

  private static Map<String, Long> values(Table table) throws Exception {
    Map<String, Long> byKey = new TreeMap<>();
    for (GenericRecord r : IcebergTableReader.rows(table)) {
      String key = key(r.get("sensor").toString(), (Integer) r.get("month"));
      assertThat(byKey.put(key, (Long) r.get("value"))).as("key %s once", key).isNull();
    }
    return byKey;
  }

  private static PipelineResult upsert(IcebergCatalog catalog, Map<String, List<Reading>> splits, int workers) {
    return Pipeline.from(NamedSplits.of(splits)).named("readings").withParallelism(workers)
        .to(catalog.<Reading>table("plant.readings").partitionBy("month").upsertBy("sensor", "month")).run();
  }

  private static List<PipelineResult> runAtOnce(IcebergCatalog catalog, List<Map<String, List<Reading>>> inputs,
      Random random) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
    try {
      List<Future<PipelineResult>> runs = new ArrayList<>();
      for (Map<String, List<Reading>> input : inputs) {
        int workers = 1 + random.nextInt(3);
        runs.add(pool.submit(() -> {
          start.await();
          return upsert(catalog, input, workers);
        }));
      }
      start.countDown();
      List<PipelineResult> results = new ArrayList<>();
      for (Future<PipelineResult> run : runs) {
        PipelineResult r = run.get(2, TimeUnit.MINUTES);
        assertThat(r.reconciles()).isTrue();
        results.add(r);
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
