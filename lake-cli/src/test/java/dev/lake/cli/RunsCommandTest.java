package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.PipelineResult;
import dev.lake.SinkReport;
import dev.lake.internal.lake.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunsCommandTest {
  private static Path root;

  /** A copy of the small test lake where the aggregate's run report was tampered with so that it does not reconcile. */
  @BeforeAll
  static void copyAndTamper() throws Exception {
    root = TestLakes.temp("lake-cli-runs-");
    TestLakes.copyTree(TestLakes.small(), root);
    Path report;
    try (Stream<Path> s = Files.list(root.resolve("_lake/runs/sum-points"))) {
      report = s.findFirst().orElseThrow();
    }
    String json = Files.readString(report);
    java.util.regex.Matcher read = java.util.regex.Pattern.compile("\"rowsRead\" : (\\d+),").matcher(json);
    assertThat(read.find()).as("rowsRead in %s", report).isTrue();
    String tampered = "\"rowsRead\" : " + (Long.parseLong(read.group(1)) + 1) + ",";
    Files.writeString(report, json.substring(0, read.start()) + tampered + json.substring(read.end()));
    assertThat(Files.readString(report)).contains(tampered);
  }

  @Test
  void runs_everyPipeline_countsPerRun() {
    String out = lake("runs", "--lake", root.toString()).ok().out();

    int runs = TestLakes.SMALL_PIPELINES.size();
    assertThat(out).contains(runs + " of " + runs + " runs:");
    // load-plays: 8,056 events in, 6,820 plays written, 1,236 other pages filtered
    assertThat(LsCommandTest.line(out, " load-plays ")).containsPattern("8,056\\s+6,820\\s+0\\s+1,236\\s+ok");
    assertThat(LsCommandTest.line(out, " load-matches ")).containsPattern("760\\s+760\\s+0\\s+0\\s+ok");
  }

  @Test
  void runs_notReconciling_marked() {
    String out = lake("runs", "--lake", root.toString()).ok().out();

    assertThat(LsCommandTest.line(out, " sum-points ")).endsWith("!! does not reconcile");
    assertThat(out).doesNotContain("\u001b["); // not a terminal: no ANSI codes
  }

  @Test
  void runs_verbose_perStepCountsAndCursors() {
    String out = lake("runs", "--lake", root.toString(), "--pipeline", "load-plays", "-v").ok().out();

    assertThat(out).contains("1 of 1 runs of load-plays:")
        .contains("8,056 in (8,056 read, 0 rejected by the source), 6,820 written, 0 rejected, 1,236 filtered")
        .containsPattern("step\\s+song-plays\\s+8,056\\s+6,820\\s+0\\s+1,236")
        .containsPattern("sink\\s+lake:processed/songplays\\s+6,820\\s+6,820\\s+0\\s+v1: ")
        .contains("cursors: {} -> {}");
  }

  @Test
  void runs_verbose_aggregateShowsRowsGroupedIntoClubs() {
    String out = lake("runs", "--lake", root.toString(), "--pipeline", "sum-points", "-v").ok().out();

    // the 760 rows of the 20 clubs' files fold into 20 rows: 740 rows grouped, none filtered
    assertThat(out).containsPattern("step\\s+points-by-team\\s+760\\s+20\\s+0\\s+0\\s+740\\s")
        .contains("740 grouped into batches or groups");
  }

  @Test
  void runs_wideCursor_cutWithAnEllipsisAndWholeWithVerbose() throws Exception {
    Path lake = TestLakes.temp("lake-cli-runs-wide-");
    TestLakes.copyTree(TestLakes.small(), lake);
    String cursor = "1578437593349574656,".repeat(11) + "end";   // 223 characters, as a list of tweet ids
    PipelineResult wide = PipelineResult.builder().pipeline("tweets-search").runId("20261207T000000Z-00000001")
        .startedAt(Instant.parse("2026-12-07T00:00:00Z")).duration(Duration.ofSeconds(1)).splits(1).rowsRead(5)
        .sinks(List.of(SinkReport.builder().name("lake:processed/tweets").in(5).written(5).files(1)
            .bytes(100).version(1).build()))
        .cursorsAfter(Map.of("since_id", cursor)).build();
    Files.createDirectories(lake.resolve("_lake/runs/tweets-search"));
    Files.write(lake.resolve("_lake/runs/tweets-search/" + wide.runId() + ".json"), Json.write(wide));

    String table = lake("runs", "--lake", lake.toString(), "-p", "tweets-search").ok().out();
    String verbose = lake("runs", "--lake", lake.toString(), "-p", "tweets-search", "-v").ok().out();

    String row = LsCommandTest.line(table, " tweets-search ");
    assertThat(row).endsWith(" ok").contains("{} -> {since_id=1578437593349574656,157…  ok")
        .doesNotContain("end");
    assertThat(row.length()).isLessThan(150);
    assertThat(table).contains("(… marks text cut to fit; lake runs -v shows it whole)");
    assertThat(verbose).contains("cursors: {} -> {since_id=" + cursor + "}");
  }

  @Test
  void runs_narrowColumns_nothingCutAndNoNote() {
    String out = lake("runs", "--lake", root.toString()).ok().out();

    assertThat(out).doesNotContain("…");
  }

  @Test
  void runs_last_newestOnly() {
    String out = lake("runs", "--lake", root.toString(), "--last", "2").ok().out();

    List<String> rows = out.lines().filter(l -> l.matches("\\d{4}-.*")).toList();
    assertThat(rows).hasSize(2);
    assertThat(out).contains("2 of " + TestLakes.SMALL_PIPELINES.size() + " runs:");
  }

  @Test
  void runs_unknownPipeline_suggestsTheClosest() {
    TestLakes.Result r = lake("runs", "--lake", root.toString(), "--pipeline", "load-play");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Did you mean 'load-plays'?");
  }

  @Test
  void runsVerbose_appendOfNoRows_showsTheSinkUnchanged() {
    Path empty = TestLakes.temp("lake-cli-runs-empty-");
    dev.lake.Lake lake = dev.lake.Lake.at(empty.toString());
    record Row(String id) {}
    dev.lake.Pipeline.from(dev.lake.testing.InMemorySource.of("a", List.of(new Row("x")))).named("rows")
        .to(lake.processed("rows")).run();
    dev.lake.Pipeline.from(dev.lake.testing.InMemorySource.of("b", List.<Row>of())).named("rows")
        .to(lake.processed("rows")).run();

    String out = lake("runs", "--lake", empty.toString(), "-v").ok().out();

    assertThat(out).contains("v1: 1 files").contains("unchanged (still v1)");
  }
}
