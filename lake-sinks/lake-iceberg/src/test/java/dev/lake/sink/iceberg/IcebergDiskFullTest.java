package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
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
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while a run writes its data files, or while Iceberg writes the commit's manifests and
 * metadata: the run fails, the table stays at the snapshot it had, every file of that snapshot is still there, no
 * data file of the failed run is left behind, and a re-run once there is room adds every split once. The store
 * ({@link FaultyStore}, lake-core's test jar) fails writes with "No space left on device" after a random number of
 * bytes; {@code -Dlake.diskfull.seed=N} replays a failure.
 */
class IcebergDiskFullTest {
  @TempDir
  Path dir;

  record Line(String split, int n, String note) {}

  static final Map<String, List<Line>> SPLITS = new LinkedHashMap<>();

  static {
    for (int s = 0; s < 6; s++) {
      String name = "s" + s;
      SPLITS.put(name, IntStream.range(0, 300).mapToObj(n -> new Line(name, n, "note " + n * 7919)).toList());
    }
  }

  private static PipelineResult run(IcebergSink<Line> sink, List<String> splits, int parallelism) {
    return Pipeline.from(NamedSplits.of(SPLITS).only(splits)).named("lines").withParallelism(parallelism)
        .to(sink).run();
  }

  @Test
  void diskFull_whileWritingOrCommitting_keepsTheCommittedSnapshotAndLeavesNoDataFileOfTheFailedRun()
      throws Exception {
    long seed = Long.getLong("lake.diskfull.seed", System.nanoTime());
    Random random = new Random(seed);
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("warehouse").toString());
    IcebergSink<Line> sink = catalog.<Line>table("retail.lines").partitionBy("split");
    run(sink, List.of("s0", "s1"), 2);
    Table table = catalog.load("retail.lines");
    long committed = table.currentSnapshot().snapshotId();
    Set<String> committedFiles = IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(table));
    Map<String, Long> committedRows = IcebergTableReader.countBy(table, "split");

    URI root = dir.toUri();
    ObjectStore real = ObjectStores.forUri(root);
    FaultyStore faulty = new FaultyStore(real);
    ObjectStores.register(root, faulty);
    try {
      for (int attempt = 0; attempt < 4; attempt++) {
        boolean inMetadata = attempt % 2 == 1;
        String under = table.location() + (inMetadata ? "/metadata/" : "/data/");
        long room = random.nextInt(inMetadata ? 4_000 : 8_000);
        int workers = 1 + random.nextInt(3);
        faulty.diskFullAfter(LakeFileIO.uri(under), room);
        String context = "seed " + seed + ", attempt " + attempt + ": full under " + under + " after " + room
            + " bytes, " + workers + " workers";

        assertThatThrownBy(() -> run(sink, List.of("s2", "s3", "s4", "s5"), workers)).as(context)
            .hasStackTraceContaining("No space left on device");
        faulty.heal();

        table.refresh();
        assertThat(table.currentSnapshot().snapshotId()).as(context).isEqualTo(committed);
        assertThat(IcebergTableReader.countBy(table, "split")).as(context).isEqualTo(committedRows);
        assertThat(IcebergTableReader.filesOnDisk(table)).as(context + ": data files on disk")
            .isEqualTo(committedFiles);
        for (String file : committedFiles) {
          assertThat(Files.exists(Path.of(file))).as(context + ": committed " + file).isTrue();
        }
      }

      PipelineResult again = run(sink, List.of("s1", "s2", "s3", "s4", "s5"), 2);

      assertThat(again.splitsSkipped()).as("seed " + seed).isEqualTo(1);
      table.refresh();
      assertThat(IcebergTableReader.countBy(table, "split")).as("seed " + seed)
          .isEqualTo(Map.of("s0", 300L, "s1", 300L, "s2", 300L, "s3", 300L, "s4", 300L, "s5", 300L));
      assertThat(IcebergTableReader.filesOnDisk(table)).as("seed " + seed)
          .isEqualTo(IcebergTableReader.pathsOf(IcebergTableReader.liveFiles(table)));
    } finally {
      ObjectStores.register(root, real);
    }
  }
}
