package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RejectedCommandTest {
  private static Path root;
  private static Path log;
  private static List<Integer> badLines = new ArrayList<>();

  /**
   * The test lake's songs and songplays over a copy of the Sparkify data with three NextSong events broken in one
   * log file: two cut short after a comma, one inside a string (two different parser messages).
   */
  @BeforeAll
  static void sparkifyWithMalformedLines() throws Exception {
    Path data = TestLakes.temp("lake-cli-bad-data-");
    TestLakes.copyTree(TestLakes.DATA.resolve("sparkify"), data.resolve("sparkify"));
    log = data.resolve("sparkify/log_data/2018/11/2018-11-01-events.json");
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    for (int i = 0; i < lines.size() && badLines.size() < 3; i++) {
      if (lines.get(i).contains("\"page\":\"NextSong\"")) {
        lines.set(i, badLines.size() < 2 ? "{\"page\":\"NextSong\"," : "{\"page\":\"NextSong\",\"artist\":\"Des");
        badLines.add(i + 1);
      }
    }
    Files.write(log, lines);
    root = TestLakes.temp("lake-cli-rejected-");
    TestLakes.sparkify(data, Lake.at(root.toString()));
  }

  @Test
  void rejected_malformedLines_groupedByStepAndReasonWithPositions() {
    String out = lake("rejected", "songplays", "--lake", root.toString(), "--show", "1").ok().out();

    assertThat(out).contains("rejected/songplays: 3 rejected rows in 2 groups, from load-plays ");
    String at = "    at " + log.toUri() + ":";
    assertThat(out).containsPattern("(?m)^2 × step json: Malformed JSON: .*\\n" + java.util.regex.Pattern.quote(
        at + badLines.get(0)) + "\\n    … and 1 more\\n1 × step json: Malformed JSON: .*\\n"
        + java.util.regex.Pattern.quote(at + badLines.get(2)) + "\\n");
  }

  @Test
  void rejected_values_showsTheRejectedText() {
    String out = lake("rejected", "rejected/songplays", "--lake", root.toString(), "--values").ok().out();

    assertThat(out).contains("       {\"page\":\"NextSong\",\n");
  }

  @Test
  void rejected_datasetWithoutBadRows_saysSo() {
    String out = lake("rejected", "songs", "--lake", root.toString()).ok().out();

    assertThat(out).contains("No rejected rows for songs: nothing is committed under rejected/songs/.");
  }

  @Test
  void rejected_unknownDataset_suggestsTheClosest() {
    TestLakes.Result r = lake("rejected", "songplay", "--lake", root.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Did you mean 'songplays'?");
  }
}
