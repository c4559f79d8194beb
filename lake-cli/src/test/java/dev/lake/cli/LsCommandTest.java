package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.DatasetVersion;
import dev.lake.Lake;
import dev.lake.io.DataFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LsCommandTest {
  private final Path root = TestLakes.small();

  @Test
  void ls_smallLake_listsEveryDatasetWithItsRowsAndFiles() {
    String out = lake("ls", root.toString()).ok().out();

    Lake lake = Lake.at(root.toString());
    for (String d : List.of("matches", "team_points", "songs", "songplays")) {
      DatasetVersion m = lake.latest(d).orElseThrow();
      String line = line(out, " " + d + " ");
      assertThat(line).as(d).startsWith("processed ")
          .contains(String.format(" %,d ", m.rows()))
          .contains(String.format(" %d ", m.files().size()));
    }
    assertThat(out).contains("Lake " + lake.root() + ": 4 datasets");
  }

  @Test
  void ls_aboutOneSmallFilePerPartition_advisesCoarserPartitionsNotCompaction() {
    String out = lake("ls", "--lake", root.toString()).ok().out();
    // 70 or 71 files: two partitions hold two songs each, written by one worker or by two
    int files = Lake.at(root.toString()).latest("songs").orElseThrow().files().size();

    // songs: ~71 files of about a kilobyte each in 69 (year, artist) partitions: compaction would merge 2 of them
    assertThat(files).isBetween(69, 71);
    assertThat(line(out, " songs ")).contains(" 69 ")
        .containsPattern("!! small files \\(median [0-9.]+ KB\\), " + files + " files in 69 partitions: partition "
            + "more coarsely$")
        .doesNotContain("lake compact");
    assertThat(line(out, " team_points ")).doesNotContain("small files");
  }

  @Test
  void smallFiles_severalSmallFilesPerPartition_advisesCompactionWithTheFilesLeft() {
    List<DataFile> m = files(13, 2, 170_000);   // Online Retail on two workers: 26 files, 2 per month

    assertThat(LsCommand.smallFiles(m, new OpenedLake.Dataset("processed/online_retail", null)))
        .isEqualTo("!! small files (median 166 KB): lake compact online_retail (26 files -> 13)");
  }

  @Test
  void smallFiles_oneSmallFilePerPartition_advisesCoarserPartitions() {
    List<DataFile> m = files(40, 1, 1_200);

    assertThat(LsCommand.smallFiles(m, new OpenedLake.Dataset("processed/songs", null)))
        .isEqualTo("!! small files (median 1.2 KB), 40 files in 40 partitions: partition more coarsely");
  }

  @Test
  void smallFiles_fewOrLargeFiles_noNote() {
    assertThat(LsCommand.smallFiles(files(5, 2, 1_000), new OpenedLake.Dataset("processed/a", null))).isEmpty();
    assertThat(LsCommand.smallFiles(files(20, 2, 40L << 20), new OpenedLake.Dataset("processed/b", null))).isEmpty();
  }

  @Test
  void filesAfterCompaction_mixedPartitions_mergesOnlySmallFilesThatHaveCompany() {
    List<DataFile> files = files(3, 3, 1_000);                                // 3 partitions x 3 small files
    files.add(file(Map.of("p", "big"), 100L << 20));                          // large: kept
    files.add(file(Map.of("p", "lone"), 1_000));                              // alone: kept

    assertThat(LsCommand.filesAfterCompaction(files, 128L << 20)).isEqualTo(3 + 1 + 1);
  }

  private static List<DataFile> files(int partitions, int filesPerPartition, long bytes) {
    List<DataFile> files = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      for (int f = 0; f < filesPerPartition; f++) {
        files.add(file(Map.of("p", String.valueOf(p)), bytes));
      }
    }
    return files;
  }

  private static DataFile file(Map<String, String> partition, long bytes) {
    return DataFile.of("f" + FILES.incrementAndGet() + ".parquet", partition, 10, bytes, null);
  }

  private static final java.util.concurrent.atomic.AtomicInteger FILES = new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void ls_missingRoot_namesTheFix() {
    Path missing = root.resolveSibling(root.getFileName() + "-missing");

    TestLakes.Result r = lake("ls", missing.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("No lake at " + missing + ": the directory does not exist")
        .contains("lake-examples.jar all --lake <dir>");
  }

  @Test
  void ls_directoryWithoutLakeMetadata_suggestsTheLakeInside() throws Exception {
    Path parent = TestLakes.temp("lake-cli-parent-");
    Files.createDirectories(parent.resolve("mylake/_lake"));

    TestLakes.Result r = lake("ls", parent.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("it holds no _lake/ directory").contains("Did you mean " + parent.resolve("mylake"));
  }

  static String line(String out, String containing) {
    return Arrays.stream(out.split("\n")).filter(l -> l.contains(containing)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in:\n" + out));
  }
}
