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
 * A run into an Iceberg table killed with SIGKILL at a random point (while writing, committing, or after), then run
 * again: every split is in the table exactly once, read back through Iceberg's scan planning; a killed attempt's
 * files on disk are in no snapshot.
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
      Path warehouse = dir.resolve("w" + iteration);
      Path marker = dir.resolve("marker-" + iteration);
      long markAfter = 1 + random.nextInt(total);
      Process child = start(warehouse, markAfter, marker);
      try {
        while (!Files.exists(marker) && child.isAlive()) {
          child.waitFor(10, TimeUnit.MILLISECONDS);
        }
        child.destroyForcibly().waitFor(2, TimeUnit.MINUTES);
      } finally {
        child.destroyForcibly();
      }
      // Killed (137), or it finished and committed just before: a child that failed on its own is a broken test
      assertThat(child.exitValue() == 137 || Files.exists(marker.resolveSibling(marker.getFileName() + ".done")))
          .as("child exit %s: %s", child.exitValue(),
              Files.readString(marker.resolveSibling(marker.getFileName() + ".log"))).isTrue();

      IcebergCatalog catalog = IcebergCatalog.local(warehouse.toString());
      PipelineResult again = Pipeline.from(NamedSplits.of(IcebergChildRun.SPLITS)).named("lines")
          .withParallelism(1 + random.nextInt(3))
          .to(catalog.<IcebergChildRun.Line>table("t.lines").partitionBy("split").targetFileBytes(2048)).run();

      Map<String, Long> expected = new TreeMap<>();
      IcebergChildRun.SPLITS.keySet().forEach(s -> expected.put(s, 200L));
      Table table = catalog.load("t.lines");
      String context = "seed " + seed + ", iteration " + iteration + ", killed after row " + markAfter
          + ", re-run skipped " + again.splitsSkipped() + " splits";
      assertThat(IcebergTableReader.countBy(table, "split")).as(context).isEqualTo(expected);
      assertThat(IcebergTableReader.pathsOf(IcebergTableReader.dataFiles(table))).as(context)
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
