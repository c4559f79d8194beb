package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SchemaException;
import dev.lake.internal.lake.LakeRoot;
import dev.lake.internal.lake.ManifestStore;
import dev.lake.io.FileFormat;
import dev.lake.testing.InMemorySource;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeSinkTest {
  @TempDir
  Path dir;

  record Event(String id, String country, LocalDate day, long amount) {}

  private static List<Event> events(int n) {
    String[] countries = {"United Kingdom", "France", "../../etc", "a/b=c", ""};
    return IntStream.range(0, n)
        .mapToObj(i -> new Event("e" + i, countries[i % countries.length], LocalDate.of(2011, 1 + i % 3, 1), i))
        .toList();
  }

  private static List<GenericRecord> readAll(Source<GenericRecord> source) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> r = source.open(SourceContext.standalone())) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** The data files a plain reader of the zones sees (not retired files, which wait under _lake/). */
  private static List<Path> dataFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-"))
          .filter(p -> !root.relativize(p).startsWith("_lake")).toList();
    }
  }

  @Test
  void run_partitionedParquet_readsBackEveryRowWithPartitionValues() throws IOException {
    Lake lake = Lake.at(dir.toString());

    PipelineResult result = Pipeline.from(InMemorySource.of("events", events(100)).withSplits(4))
        .named("events")
        .to(lake.processed("events").partitionBy("country"))
        .run();

    List<GenericRecord> rows = readAll(lake.read("events"));
    assertThat(rows).hasSize(100);
    assertThat(rows).extracting(r -> r.get("country")).contains("United Kingdom", "../../etc", "a/b=c");
    assertThat(rows).filteredOn(r -> r.get("id").equals("e7")).singleElement()
        .satisfies(r -> assertThat(r.get("day")).isEqualTo(LocalDate.of(2011, 2, 1)));
    assertThat(result.reconciles()).isTrue();
    assertThat(result.sinks().get(0).version()).isEqualTo(1);
    for (Path p : dataFiles(dir)) {
      assertThat(p.normalize()).startsWith(dir.resolve("processed/events"));
    }
    // One directory named as Hive names it: "/" escaped, the dots harmless after "country="
    assertThat(dir.resolve("processed/events/country=..%2F..%2Fetc")).isDirectory();
    assertThat(dir.resolve("etc")).doesNotExist();
    assertThat(dir.resolve("processed/events/country=__HIVE_DEFAULT_PARTITION__")).isDirectory();
  }

  @Test
  void run_twiceOnSameInput_addsNoDuplicates() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline<Event> p = Pipeline.from(InMemorySource.of("events", events(50)).withSplits(3))
        .named("events").to(lake.processed("events").partitionBy("country"));

    PipelineResult first = p.run();
    PipelineResult again = p.run();

    // The dataset's split ledger holds the three splits: the second run skips them all and commits nothing.
    assertThat(again.splitsSkipped()).isEqualTo(3);
    assertThat(again.splits()).isZero();
    assertThat(again.skippedCommittedBy()).containsExactly(first.runId());
    assertThat(again.summary()).contains("3 of 3 splits already committed (by run " + first.runId() + "), skipped");
    assertThat(again.sinks().get(0).unchanged()).isTrue();
    assertThat(readAll(lake.read("events"))).hasSize(50);
    List<String> committed = lake.latest("events").orElseThrow().files().stream()
        .map(f -> dir.resolve("processed/events").resolve(f.path()).normalize().toString()).sorted().toList();
    assertThat(dataFiles(dir).stream().map(Path::toString).sorted().toList()).isEqualTo(committed);
    assertThat(lake.history("events")).hasSize(1);
  }

  @Test
  void run_newInputAppended_keepsBoth() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline.from(InMemorySource.of("a", events(10))).named("events").to(lake.processed("events")).run();
    Pipeline.from(InMemorySource.of("b", events(5))).named("events").to(lake.processed("events")).run();

    assertThat(readAll(lake.read("events"))).hasSize(15);
  }

  @Test
  void run_emptyInputAfterData_commitsNoNewVersionAndReportsUnchanged() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline.from(new CursorSource(events(4), false)).named("events").to(lake.processed("events")).run();
    List<String> filesBefore = dataFiles(dir).stream().map(Path::toString).sorted().toList();

    PipelineResult empty = Pipeline.from(new CursorSource(List.of(), false)).named("events")
        .to(lake.processed("events")).run();

    assertThat(empty.rowsWritten()).isZero();
    assertThat(lake.history("events")).as("no new manifest version").hasSize(1);
    assertThat(empty.sinks().get(0).unchanged()).isTrue();
    assertThat(empty.sinks().get(0).version()).isEqualTo(1);
    assertThat(empty.summary()).contains("lake:processed/events unchanged (nothing to commit, still v1)");
    assertThat(dir.resolve("_lake/runs/events/" + empty.runId() + ".json")).as("the run report").exists();
    assertThat(lake.cursors("events")).containsExactly(java.util.Map.entry("last", "e3"));
    assertThat(empty.cursorsAfter()).isEqualTo(empty.cursorsBefore());
    assertThat(lake.latest("events").orElseThrow().schema().orElseThrow().getField("amount")).isNotNull();
    assertThat(readAll(lake.read("events"))).hasSize(4);
    assertThat(dataFiles(dir).stream().map(Path::toString).sorted().toList()).isEqualTo(filesBefore);
  }

  @Test
  void run_firstRunWithNoRows_createsNoDataset() {
    Lake lake = Lake.at(dir.toString());

    PipelineResult empty = Pipeline.from(InMemorySource.of("none", List.<Event>of())).named("events")
        .to(lake.processed("events").partitionBy("country")).run();

    assertThat(lake.latest("events")).isEmpty();
    assertThat(empty.sinks().get(0).unchanged()).isTrue();
    assertThat(empty.summary()).contains("unchanged (nothing to commit, no version yet)");
  }

  @Test
  void run_overwriteWithNoRows_commitsAnEmptyVersion() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline.from(InMemorySource.of("a", events(10))).named("events")
        .to(lake.processed("events").partitionBy("country")).run();

    PipelineResult emptied = Pipeline.from(InMemorySource.of("none", List.<Event>of())).named("events")
        .to(lake.processed("events").partitionBy("country").mode(WriteMode.OVERWRITE)).run();

    assertThat(emptied.sinks().get(0).unchanged()).isFalse();
    assertThat(emptied.sinks().get(0).version()).isEqualTo(2);
    DatasetVersion m = lake.latest("events").orElseThrow();
    assertThat(m.files()).isEmpty();
    assertThat(m.removed()).hasSize(lake.history("events").get(0).files().size());
    assertThat(readAll(lake.read("events"))).isEmpty();
    assertThat(dataFiles(dir)).isEmpty();
  }

  @Test
  void run_overwritePartitionsWithNoRows_changesNothing() throws IOException {
    Lake lake = Lake.at(dir.toString());
    LakeSink<Object> sink = lake.processed("events").partitionBy("country").mode(WriteMode.OVERWRITE_PARTITIONS);
    Pipeline.from(InMemorySource.of("a", events(10))).named("events").to(sink).run();

    PipelineResult none = Pipeline.from(InMemorySource.of("none", List.<Event>of())).named("events").to(sink).run();

    assertThat(none.sinks().get(0).unchanged()).isTrue();
    assertThat(lake.history("events")).hasSize(1);
    assertThat(readAll(lake.read("events"))).hasSize(10);
  }

  @Test
  void run_overwriteMode_replacesDatasetAndRemovesOldFiles() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline.from(InMemorySource.of("a", events(10))).named("events")
        .to(lake.processed("events").partitionBy("country")).run();
    Pipeline.from(InMemorySource.of("b", events(3))).named("events")
        .to(lake.processed("events").partitionBy("country").mode(WriteMode.OVERWRITE)).run();

    assertThat(readAll(lake.read("events"))).hasSize(3);
    assertThat(dataFiles(dir)).hasSize(3);
  }

  @Test
  void run_overwritePartitions_keepsUntouchedPartitions() throws IOException {
    Lake lake = Lake.at(dir.toString());
    LakeSink<Object> sink = lake.processed("events").partitionBy("country").mode(WriteMode.OVERWRITE_PARTITIONS);
    Pipeline.from(InMemorySource.of("a", events(10))).named("events").to(sink).run();
    List<Event> france = List.of(new Event("x", "France", LocalDate.of(2012, 1, 1), 1));
    Pipeline.from(InMemorySource.of("b", france)).named("events").to(sink).run();

    List<GenericRecord> rows = readAll(lake.read("events"));
    assertThat(rows).filteredOn(r -> "France".equals(r.get("country"))).extracting(r -> r.get("id"))
        .containsExactly("x");
    assertThat(rows).hasSize(10 - 2 + 1);
  }

  @Test
  void run_rollingByRows_splitsFilesAndKeepsEveryRow() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline.from(InMemorySource.of("a", events(1000))).named("events")
        .to(lake.processed("events").maxRowsPerFile(100).format(FileFormat.JSON_LINES)).run();

    assertThat(dataFiles(dir)).hasSize(10).allMatch(p -> p.toString().endsWith(".jsonl.gz"));
    assertThat(readAll(lake.read("events"))).hasSize(1000);
  }

  @Test
  void run_failsAfterFilesRolled_leavesNoFileAndNoCommit() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline<Event> p = Pipeline.from(InMemorySource.of("a", events(500)).withSplits(2)).named("events")
        .map("explode-late", e -> {
          if (e.amount() == 450) {
            throw new dev.lake.exceptions.LakeException("disk on fire");
          }
          return e;
        })
        .to(lake.processed("events").maxRowsPerFile(50));

    assertThatThrownBy(p::run).isInstanceOf(dev.lake.exceptions.LakeException.class)
        .hasMessageStartingWith("disk on fire").hasMessageContaining("Nothing was committed");

    assertThat(dataFiles(dir)).isEmpty();
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".staged")))
          .as("files a worker staged (each stages its own as its input ends) are discarded").isEmpty();
    }
    assertThat(lake.latest("events")).isEmpty();
  }

  @Test
  void run_stagedFilesOfADeadRun_areDiscardedByTheNextRunOnceProvablyDead() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Path dead = dir.resolve("processed/events/.part-20261101T000000Z-0badc0de-00000-00000.parquet.staged");
    Path young = dir.resolve("processed/events/.part-20261207T000000Z-0000beef-00000-00000.parquet.staged");
    Files.createDirectories(dead.getParent());
    Files.write(dead, new byte[] {1, 2, 3});
    Files.write(young, new byte[] {4, 5, 6});
    Files.setLastModifiedTime(dead, FileTime.from(Instant.now().minus(java.time.Duration.ofHours(25))));

    Pipeline.from(InMemorySource.of("a", events(5))).named("events").to(lake.processed("events")).run();

    assertThat(dead).as("no run commits more than a day after it started: provably dead").doesNotExist();
    assertThat(young).as("a run started an hour ago may still commit").exists();
    assertThat(readAll(lake.read("events"))).hasSize(5);
  }

  private static final java.util.concurrent.CountDownLatch SLOW_WRITER_HAS_FILES =
      new java.util.concurrent.CountDownLatch(1);
  private static final java.util.concurrent.CountDownLatch OTHER_WRITER_COMMITTED =
      new java.util.concurrent.CountDownLatch(1);

  @Test
  void run_concurrentWriterCommitsFirst_slowWritersUncommittedFilesSurvive() throws Exception {
    Lake lake = Lake.at(dir.toString());
    List<Event> slowRows = events(200);
    List<Event> fastRows = events(10).stream().map(e -> new Event("fast-" + e.id(), e.country(), e.day(), 0)).toList();
    Pipeline<Event> slow = Pipeline.from(InMemorySource.of("slow", slowRows)).named("slow-writer")
        .apply(dev.lake.transforms.Step.<Event, Event>of("wait-for-the-other-writer", (e, out) -> {
          if (e.amount() == 120) { // rows 0..99 are in two closed files by now
            SLOW_WRITER_HAS_FILES.countDown();
            OTHER_WRITER_COMMITTED.await();
          }
          out.accept(e);
        }))
        .to(lake.processed("events").maxRowsPerFile(50));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<PipelineResult> slowRun = pool.submit(() -> slow.run());
      assertThat(SLOW_WRITER_HAS_FILES.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      Thread.sleep(20); // the other run starts strictly after the slow writer's first files were written

      Pipeline.from(InMemorySource.of("fast", fastRows)).named("fast-writer").to(lake.processed("events")).run();
      OTHER_WRITER_COMMITTED.countDown();

      assertThat(slowRun.get(60, java.util.concurrent.TimeUnit.SECONDS).rowsWritten()).isEqualTo(200);
    } finally {
      OTHER_WRITER_COMMITTED.countDown();
      pool.shutdownNow();
    }
    List<GenericRecord> rows = readAll(lake.read("events"));
    assertThat(rows).hasSize(210);
    assertThat(rows.stream().map(r -> r.get("id").toString()).distinct()).hasSize(210);
  }

  @Test
  void run_badRowsToRejectedZone_writesThemWithReasonAndPosition() throws IOException {
    Lake lake = Lake.at(dir.toString());

    PipelineResult result = Pipeline.from(InMemorySource.of("a", events(10))).named("events")
        .map("check", e -> {
          if (e.amount() == 3) {
            throw new IllegalArgumentException("amount 3 is unlucky");
          }
          return e;
        })
        .to(lake.processed("events"))
        .onBadRows(BadRowPolicy.toRejectedZone())
        .run();

    assertThat(result.rowsWritten()).isEqualTo(9);
    assertThat(result.rowsRejected()).isEqualTo(1);
    assertThat(result.rejectedDataset()).isEqualTo("rejected/events");
    List<GenericRecord> rejected = readAll(lake.read("rejected/events"));
    assertThat(rejected).singleElement().satisfies(r -> {
      assertThat(r.get("step")).isEqualTo("check");
      assertThat(r.get("reason")).isEqualTo("IllegalArgumentException: amount 3 is unlucky");
      assertThat(r.get("position")).isEqualTo("memory:a:4");
      assertThat(r.get("value").toString()).contains("\"id\":\"e3\"");
    });
  }

  @Test
  void run_cursorProposed_savedOnlyAfterCommit() {
    Lake lake = Lake.at(dir.toString());
    Source<Event> cursorSource = new CursorSource(events(3), false);
    Source<Event> failing = new CursorSource(events(3), true);

    assertThatThrownBy(() -> Pipeline.from(failing).named("cursor").to(lake.processed("events")).run())
        .isInstanceOf(SchemaException.class);
    assertThat(lake.cursors("cursor")).isEmpty();

    PipelineResult ok = Pipeline.from(cursorSource).named("cursor").to(lake.processed("events")).run();
    assertThat(lake.cursors("cursor")).containsEntry("last", "e2");
    assertThat(ok.cursorsAfter()).containsEntry("last", "e2");
  }

  @Test
  void run_partitionColumnMissing_failsNamingFields() {
    Lake lake = Lake.at(dir.toString());
    Pipeline<Event> p = Pipeline.from(InMemorySource.of("a", events(1))).to(lake.processed("e").partitionBy("year"));

    assertThatThrownBy(p::run).isInstanceOf(SchemaException.class)
        .hasMessageContaining("Cannot partition processed/e by 'year'")
        .hasMessageContaining("[id, country, day, amount]");
    assertThat(lake.latest("e")).isEmpty();
  }

  @Test
  void run_reportWrittenToLake() throws IOException {
    Lake lake = Lake.at(dir.toString());
    PipelineResult r = Pipeline.from(InMemorySource.of("a", events(2))).named("rep").to(lake.processed("e")).run();

    Path report = dir.resolve("_lake/runs/rep/" + r.runId() + ".json");
    assertThat(report).exists();
    assertThat(Files.readString(report)).contains("\"rowsWritten\" : 2").contains("\"reconciles\" : true");
    DatasetVersion m = lake.latest("e").orElseThrow();
    assertThat(m.rows()).isEqualTo(2);
    assertThat(m.pipeline()).isEqualTo("rep");
  }

  private static final java.util.Set<String> WORKERS_STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static volatile java.util.concurrent.CountDownLatch bothWorkers;

  /** Holds each worker at its first row until both have one, so that every partition gets a file from each. */
  private static dev.lake.transforms.Step<Event, Event> bothWorkersWrite() {
    return dev.lake.transforms.Step.of("both-workers-write", (e, out) -> {
      java.util.concurrent.CountDownLatch latch = bothWorkers;
      if (WORKERS_STARTED.add(Thread.currentThread().getId() + "@" + System.identityHashCode(latch))) {
        latch.countDown();
        latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      out.accept(e);
    });
  }

  @Test
  void run_coalesceSmallFiles_publishesOneFilePerPartitionExactlyOnce() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline<Event> p = Pipeline.from(InMemorySource.of("events", events(200)).withSplits(8)).named("events")
        .apply(bothWorkersWrite())
        .withParallelism(2)
        .to(lake.processed("events").partitionBy("country").coalesceSmallFiles());

    bothWorkers = new java.util.concurrent.CountDownLatch(2);
    PipelineResult first = p.run();
    PipelineResult again = p.run();

    DatasetVersion m = lake.latest("events").orElseThrow();
    assertThat(m.files()).hasSize(5).allMatch(f -> f.path().contains("/part-" + first.runId() + "-m"));
    assertThat(first.sinks().get(0).files()).isEqualTo(5);
    assertThat(again.rowsWritten()).isZero();
    assertThat(again.splitsSkipped()).isEqualTo(8);
    assertThat(ManifestStore.of(new LakeRoot(lake.root())).latest("processed/events").orElseThrow().ledger())
        .hasSize(8);
    try (Stream<Path> scratch = Files.walk(dir.resolve("_lake/scratch"))) {
      assertThat(scratch.filter(Files::isRegularFile)).as("the writers' scratch files are gone").isEmpty();
    }
    List<GenericRecord> rows = readAll(lake.read("events"));
    assertThat(rows).hasSize(200);
    assertThat(rows.stream().map(r -> r.get("id").toString()).distinct()).hasSize(200);
    List<String> committed = m.files().stream()
        .map(f -> dir.resolve("processed/events").resolve(f.path()).normalize().toString()).sorted().toList();
    assertThat(dataFiles(dir).stream().map(Path::toString).sorted().toList())
        .as("the writers' own files are gone").isEqualTo(committed);
  }

  @Test
  void run_coalesceJsonLinesWithRowLimit_keepsTheLimitAndEveryRow() throws IOException {
    Lake lake = Lake.at(dir.toString());

    Pipeline.from(InMemorySource.of("events", events(300)).withSplits(6)).named("events")
        .to(lake.raw("shop", "events").maxRowsPerFile(120).coalesceSmallFiles()).run();

    DatasetVersion m = lake.latest("raw/shop/events").orElseThrow();
    assertThat(m.files()).extracting(dev.lake.io.DataFile::rows).allMatch(n -> n <= 120);
    assertThat(m.files()).as("120 + 120 + 60 rows, however the workers split it").hasSize(3)
        .allMatch(f -> f.path().endsWith(".jsonl.gz"));
    assertThat(readAll(lake.read("raw/shop/events"))).hasSize(300);
  }

  /** Proposes a cursor per row; optionally fails (in a way that is not a bad row) after the last one. */
  private record CursorSource(List<Event> rows, boolean fail) implements Source<Event> {
    @Override
    public String name() {
      return "cursor";
    }

    @Override
    public String id() {
      return "cursor:" + rows.size() + fail;
    }

    @Override
    public SourceReader<Event> open(SourceContext ctx) {
      var it = rows.iterator();
      return new SourceReader<>() {
        @Override
        public boolean hasNext() {
          if (!it.hasNext() && fail) {
            throw new SchemaException("source broke");
          }
          return it.hasNext();
        }

        @Override
        public Event next() {
          Event e = it.next();
          ctx.proposeCursor("last", e.id());
          return e;
        }

        @Override
        public String position() {
          return "cursor";
        }

        @Override
        public void close() {}
      };
    }
  }

}
