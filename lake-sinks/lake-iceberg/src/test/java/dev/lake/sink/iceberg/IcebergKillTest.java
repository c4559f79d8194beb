package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.NamedSplits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run into an Iceberg table killed with SIGKILL at a random point (while writing, committing, or after the commit
 * before the process ends), then run again: every split is in the table exactly once, read back through Iceberg's
 * scan planning; a killed attempt's files on disk are in no snapshot. The kill must land before the child exits on
 * its own (exit 137): a child that finished first is run again, marked after half as many rows.
 */
class IcebergKillTest {
  @TempDir
  Path dir;

  @Test
  void killedAtRandom_thenRunAgain_everyRowOnce() throws Exception {
    long seed = Long.getLong("lake.kill.seed", System.nanoTime());
    Random random = new Random(seed);
    int total = IcebergChildRun.SPLITS.size() * 200;
    for (int iteration = 0; iteration < 3; iteration++) {
      long markAfter = 1 + random.nextInt(total);
      Path warehouse;
      int attempt = 0;
      while (true) {
        warehouse = dir.resolve("w" + iteration + "-" + attempt);
        Path marker = dir.resolve("marker-" + iteration + "-" + attempt);
        Process child = start(warehouse, markAfter, marker);
        try {
          while (!Files.exists(marker) && child.isAlive()) {
            child.waitFor(10, TimeUnit.MILLISECONDS);
          }
          child.destroyForcibly().waitFor(2, TimeUnit.MINUTES);
        } finally {
          child.destroyForcibly();
        }
        String log = Files.readString(marker.resolveSibling(marker.getFileName() + ".log"));
        if (child.exitValue() == 137) {
          break; // killed before it exited on its own: mid-run
        }
        // it finished (committed) before the kill landed: that is no kill test; mark earlier and run it again
        assertThat(Files.exists(marker.resolveSibling(marker.getFileName() + ".done")))
            .as("child exit %s (a child that failed on its own is a broken test): %s", child.exitValue(), log)
            .isTrue();
        assertThat(markAfter).as("the child finished before the kill even when marked after its first row; "
            + "seed %s", seed).isGreaterThan(1);
        markAfter = Math.max(1, markAfter / 2);
        attempt++;
      }

      IcebergCatalog catalog = IcebergCatalog.local(warehouse.toString());
      PipelineResult again = Pipeline.from(NamedSplits.of(IcebergChildRun.SPLITS)).named("lines")
          .withParallelism(1 + random.nextInt(3))
          .to(catalog.<IcebergChildRun.Line>table("t.lines").partitionBy("split").targetFileBytes(2048)).run();

      Map<String, Long> expected = new TreeMap<>();
      IcebergChildRun.SPLITS.keySet().forEach(s -> expected.put(s, 200L));
      Table table = catalog.load("t.lines");
      String context = "seed " + seed + ", iteration " + iteration + ", killed after row " + markAfter
          + " (attempt " + attempt + ")"
          + ", re-run skipped " + again.splitsSkipped() + " splits";
      assertThat(IcebergTableReader.countBy(table, "split")).as(context).isEqualTo(expected);
      assertThat(IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(table))).as(context)
          .isSubsetOf(IcebergTableReader.filesOnDisk(table));
    }
  }

  private static Process start(Path warehouse, long markAfter, Path marker) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath,
        IcebergChildRun.class.getName(), warehouse.toString(), String.valueOf(markAfter), marker.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(marker.resolveSibling(marker.getFileName() + ".log").toFile()).start();
  }
}
