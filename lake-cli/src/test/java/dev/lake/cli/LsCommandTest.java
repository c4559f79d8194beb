package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.internal.lake.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LsCommandTest {
  private final Path root = TestLakes.small();

  @Test
  void ls_examplesLake_listsEveryDatasetWithItsRowsAndFiles() {
    String out = lake("ls", root.toString()).ok().out();

    Lake lake = Lake.at(root.toString());
    for (String d : List.of("team_matches", "team_season", "songs", "artists", "users", "time", "songplays")) {
      Manifest m = lake.latest(d).orElseThrow();
      String line = line(out, " " + d + " ");
      assertThat(line).as(d).startsWith("processed ")
          .contains(String.format(" %,d ", m.rows()))
          .contains(String.format(" %d ", m.files().size()));
    }
    assertThat(out).contains("Lake " + lake.root() + ": 7 datasets");
  }

  @Test
  void ls_manySmallFiles_flagged() {
    String out = lake("ls", "--lake", root.toString()).ok().out();

    // songs: 71 files of about a kilobyte each, one per (year, artist) partition
    assertThat(line(out, " songs ")).contains(" 69 ").contains("!! small files (median");
    assertThat(line(out, " team_season ")).doesNotContain("small files");
  }

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
