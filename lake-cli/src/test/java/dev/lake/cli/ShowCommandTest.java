package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShowCommandTest {
  private final Path root = TestLakes.small();

  @Test
  void show_partitionedDataset_schemaPartitionsSamplesAndHistory() {
    String out = lake("show", "songs", "--lake", root.toString()).ok().out();
    int files = Lake.at(root.toString()).latest("songs").orElseThrow().files().size();

    // field, type, nullable, partition (blank when not)
    assertThat(LsCommandTest.line(out, "  song_id ")).matches("\\s+song_id\\s+string\\s+yes");
    assertThat(LsCommandTest.line(out, "  year ")).matches("\\s+year\\s+long\\s+yes\\s+yes");
    assertThat(out).contains("Partitioned by year, artist_id: 69 partitions")
        .contains("Sample rows (5 of 71):")
        .contains("History (1 commit):")
        .containsPattern("\\n\\s+1\\s+\\S+ \\S+\\s+load-songs\\s+OVERWRITE\\s+" + files + "\\s+0\\s+" + files
            + "\\s+71\\n");
    // five sample rows, each with a song id
    assertThat(out.lines().filter(l -> l.matches(".*\\sSO[A-Z0-9]{16}\\s.*"))).hasSize(5);
  }

  @Test
  void show_logicalTypes_namedInTheSchema() {
    String out = lake("show", "matches", "--lake", root.toString(), "--rows", "2").ok().out();

    assertThat(out).containsPattern("(?m)^  date\\s+timestamp-\\w+");
    assertThat(out).contains("Sample rows (2 of 760):");
  }

  @Test
  void show_unknownDataset_suggestsTheClosest() {
    TestLakes.Result r = lake("show", "songplay", "--lake", root.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("No dataset 'songplay'").contains("Did you mean 'songplays'?");
  }

  @Test
  void show_typoInTheMiddle_suggestsTheClosest() {
    TestLakes.Result r = lake("show", "team_pints", "--lake", root.toString());

    assertThat(r.err()).contains("Did you mean 'team_points'?");
  }
}
