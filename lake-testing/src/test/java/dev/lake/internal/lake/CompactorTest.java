package dev.lake.internal.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.LakeSink;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.WriteMode;
import dev.lake.io.DataFile;
import dev.lake.testing.InMemorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction's steps with other commits landing between the rewrite and the commit. */
class CompactorTest {
  @TempDir
  Path dir;

  record Event(String id, String country, LocalDate day) {}

  static List<Event> events(int from, int to) {
    String[] countries = {"UK", "France"};
    return IntStream.range(from, to).mapToObj(i -> new Event("e" + i, countries[i % 2], LocalDate.of(2011, 1, 1)))
        .toList();
  }

  private Lake lake() {
    return Lake.at(dir.toString());
  }

  private LakeRoot root() {
    return new LakeRoot(lake().root());
  }

  private LakeSink<Object> sink() {
    return lake().processed("events").partitionBy("country");
  }

  private PipelineResult append(int from, int to) {
    return Pipeline.from(InMemorySource.of("in-" + from, events(from, to))).named("events").to(sink()).run();
  }

  private Compactor compactor() {
    return new Compactor(root(), "processed/events", 128L << 20, Map.of(), null);
  }

  /** What a plain reader of the prefix sees (staged files are hidden: '.' names, no .parquet suffix). */
  private List<String> filesOnDisk() throws IOException {
    Path data = dir.resolve("processed/events");
    try (Stream<Path> s = Files.walk(data)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .map(p -> data.relativize(p).toString()).sorted().toList();
    }
  }

  private List<String> manifestFiles() throws IOException {
    return ManifestStore.of(root()).latest("processed/events").orElseThrow().files().stream().map(DataFile::path)
        .sorted().toList();
  }

  @Test
  void commit_appendLandedDuringRewrite_keepsTheAppendedFiles() throws IOException {
    append(0, 10);
    append(10, 20);
    Compactor c = compactor();
    Compactor.Plan plan = c.plan();
    c.rewrite(plan);

    PipelineResult concurrent = append(20, 30);
    long version = c.commit(plan);

    Manifest m = ManifestStore.of(root()).latest("processed/events").orElseThrow();
    assertThat(version).isEqualTo(4);
    assertThat(m.version()).isEqualTo(4);
    assertThat(m.rows()).isEqualTo(30);
    assertThat(m.files()).filteredOn(f -> f.commitKey().equals(concurrent.runId())).hasSize(2);
    assertThat(m.files()).filteredOn(f -> f.path().contains("/compact-")).hasSize(2);
    assertThat(m.ledger()).as("the compacted files hold the splits of the files they replace")
        .isEqualTo(ManifestStore.of(root()).history("processed/events").get(2).ledger());
    assertThat(plan.groups()).allMatch(g -> g.skipped == null);
    assertThat(filesOnDisk()).isEqualTo(manifestFiles());
  }

  @Test
  void commit_partitionOverwrittenDuringRewrite_skipsItAndCommitsTheOthers() throws IOException {
    append(0, 10);
    append(10, 20);
    Compactor c = compactor();
    Compactor.Plan plan = c.plan();
    c.rewrite(plan);

    Pipeline.from(InMemorySource.of("fr", List.of(new Event("fr", "France", LocalDate.of(2012, 1, 1)))))
        .named("events").to(sink().mode(WriteMode.OVERWRITE_PARTITIONS)).run();
    c.commit(plan);

    Manifest m = ManifestStore.of(root()).latest("processed/events").orElseThrow();
    assertThat(plan.groups()).filteredOn(g -> g.skipped != null).singleElement()
        .satisfies(g -> assertThat(g.partition).containsEntry("country", "France"))
        .satisfies(g -> assertThat(g.skipped).contains("another commit changed this partition's files"));
    assertThat(m.rows()).isEqualTo(10 + 1);
    assertThat(m.files()).filteredOn(f -> f.partition().get("country").equals("France")).singleElement()
        .satisfies(f -> assertThat(f.rows()).isEqualTo(1));
    assertThat(filesOnDisk()).as("the skipped partition's new files are discarded").isEqualTo(manifestFiles());
  }

  @Test
  void commit_identicalCompactionWonTheRace_changesNothingAndDeletesNothingLive() throws IOException {
    append(0, 10);
    append(10, 20);
    Compactor first = compactor();
    Compactor second = compactor();
    Compactor.Plan firstPlan = first.plan();
    Compactor.Plan secondPlan = second.plan();
    first.rewrite(firstPlan);
    second.rewrite(secondPlan);

    long afterFirst = first.commit(firstPlan);
    long afterSecond = second.commit(secondPlan);

    assertThat(afterSecond).isEqualTo(afterFirst).isEqualTo(3);
    assertThat(secondPlan.groups()).allMatch(g -> g.skipped != null);
    assertThat(ManifestStore.of(root()).latest("processed/events").orElseThrow().rows()).isEqualTo(20);
    assertThat(filesOnDisk()).isEqualTo(manifestFiles());
  }

  @Test
  void run_afterKilledCompaction_discardsItsStagedFilesOnceProvablyDead() throws IOException {
    append(0, 10);
    append(10, 20);
    Compactor killed = compactor();
    killed.rewrite(killed.plan()); // staged, never committed
    List<Path> staged = stagedFiles();
    assertThat(staged).isNotEmpty();
    assertThat(filesOnDisk()).as("staged files are invisible").isEqualTo(manifestFiles());
    for (Path p : staged) {
      Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(ManifestStore.ORPHAN_AGE).minusSeconds(60)));
    }
    Compactor alive = compactor();
    alive.rewrite(alive.plan()); // a compaction still running: its staged files are recent

    Compactor.Result result = compactor().run(false);

    assertThat(result.partitions().stream().filter(p -> p.skipped() == null)
        .mapToInt(Compactor.PartitionResult::filesAfter).sum()).isEqualTo(2);
    assertThat(staged).allMatch(p -> !Files.exists(p));
    assertThat(stagedFiles()).as("a recent run's staged files may still be committed").hasSize(2);
    assertThat(filesOnDisk()).isEqualTo(manifestFiles());
  }

  private List<Path> stagedFiles() throws IOException {
    try (Stream<Path> s = Files.walk(dir.resolve("processed/events"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".staged")).toList();
    }
  }
}
