package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.lake.internal.lake.Json;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.io.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings from steps and sources, counted in the run report by step and kind, across workers. */
class WarningsTest {
  @TempDir Path dir;

  record Page(int number, int count, int items) {}

  /** A parser that keeps every item and warns when the page's count differs from its items. */
  static List<Integer> items(Page page) {
    if (page.count() != page.items()) {
      Warnings.warn("count mismatch", "page " + page.number() + ": count " + page.count() + " but " + page.items()
          + " items");
    }
    return IntStream.range(0, page.items()).boxed().toList();
  }

  @Test
  void run_stepWarnsOnSomePages_countedByStepAndKindWithMessages() {
    List<Page> pages = IntStream.range(0, 40).mapToObj(i -> new Page(i, 10, i % 8 == 0 ? 9 : 10)).toList();
    InMemorySink<Integer> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("pages", pages).withSplits(4)).named("pages")
        .flatMap("parse", WarningsTest::items).to(sink).withParallelism(3).run();

    assertThat(result.rowsWritten()).isEqualTo(40 * 10 - 5);
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.step()).isEqualTo("parse");
      assertThat(w.kind()).isEqualTo("count mismatch");
      assertThat(w.count()).isEqualTo(5);
      assertThat(w.examples()).containsExactlyInAnyOrder("page 0: count 10 but 9 items (at memory:pages:1)",
          "page 8: count 10 but 9 items (at memory:pages:9)", "page 16: count 10 but 9 items (at memory:pages:17)",
          "page 24: count 10 but 9 items (at memory:pages:25)", "page 32: count 10 but 9 items (at memory:pages:33)");
    });
    assertThat(result.summary()).contains("; warnings: 5 count mismatch (parse)");
  }

  @Test
  void run_noWarning_reportHasNone() {
    PipelineResult result = Pipeline.from(InMemorySource.of("pages", List.of(new Page(1, 2, 2)))).named("pages")
        .flatMap("parse", WarningsTest::items).to(InMemorySink.create()).run();

    assertThat(result.warnings()).isEmpty();
    assertThat(result.summary()).doesNotContain("warnings");
  }

  record Name(String name) {}

  /** A source that warns while listing its splits and while reading one. */
  static final class Folder implements Source<Name> {
    @Override
    public String name() {
      return "folder";
    }

    @Override
    public String id() {
      return "folder:1";
    }

    @Override
    public List<Folder> split(SourceContext ctx) {
      ctx.warn("file not read", "notes.txt: no pattern of this source takes it");
      return List.of(this);
    }

    @Override
    public SourceReader<Name> open(SourceContext ctx) {
      ctx.warn("empty file", "b.json holds nothing");
      return InMemorySource.of("folder", List.of(new Name("a"))).open(ctx);
    }
  }

  @Test
  void run_sourceWarnsWhileListingAndReading_bothInTheReportAndTheRunFile() throws IOException {
    Lake lake = Lake.at(dir.toString());

    PipelineResult result = Pipeline.from(new Folder()).named("folder").to(lake.processed("names")).run();

    assertThat(result.warnings()).extracting(WarningReport::step, WarningReport::kind,
        WarningReport::count).containsExactly(
            org.assertj.core.groups.Tuple.tuple("folder", "file not read", 1L),
            org.assertj.core.groups.Tuple.tuple("folder", "empty file", 1L));
    assertThat(result.warnings().get(0).examples()).containsExactly("notes.txt: no pattern of this source takes it");
    Path runFile = dir.resolve("_lake/runs/folder/" + result.runId() + ".json");
    PipelineResult stored = Json.mapper().readValue(Files.readString(runFile), PipelineResult.class);
    assertThat(stored.warnings()).isEqualTo(result.warnings());
  }

  @Test
  void warn_outsideRun_onlyLogs() {
    assertThatCode(() -> Warnings.warn("count mismatch", "outside a run")).doesNotThrowAnyException();
    assertThat(items(new Page(1, 3, 2))).hasSize(2);
  }
}
