package dev.lake.internal.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.exceptions.LakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits of concurrent runs of one pipeline, decided by the conditional write of the state log. */
class PipelineCommitTest {
  @TempDir
  Path dir;

  private PipelineCommit commit() {
    return new PipelineCommit(new LakeRoot(Lake.at(dir.toString()).root()), "p");
  }

  private static PipelineCommit.Attempt attempt(String runId, long base, Map<String, String> cursors,
      List<String> splits) {
    return new PipelineCommit.Attempt(runId, Instant.now(), base, Map.of(), cursors, splits, List.of());
  }

  @Test
  void commit_concurrentRunTookASplit_conflictNamingItAndTheRun() throws Exception {
    PipelineCommit.Outcome first = commit().commit(attempt("20261207T000000Z-0000000a", 0, Map.of("k", "1"),
        List.of("s1", "s2")));

    PipelineCommit.Outcome second = commit().commit(attempt("20261207T000000Z-0000000b", 0, Map.of("k", "2"),
        List.of("s2", "s3")));

    assertThat(first).isInstanceOf(PipelineCommit.Committed.class);
    assertThat(second).isInstanceOfSatisfying(PipelineCommit.Conflict.class, c -> {
      assertThat(c.splits()).containsExactly("s2");
      assertThat(c.byRuns()).containsExactly("20261207T000000Z-0000000a");
    });
    assertThat(new StateLog(Lake.at(dir.toString()).store(), Lake.at(dir.toString()).root()).head("p").orElseThrow()
        .version()).isEqualTo(1);
  }

  @Test
  void commit_concurrentRunOnOtherSplits_rebasesOnItAndCursorsNeverMoveBackwards() throws Exception {
    commit().commit(attempt("20261207T000000Z-0000000a", 0, Map.of("seq/shard-0", "200", "day", "2011-01-02"),
        List.of("s1")));

    PipelineCommit.Outcome second = commit().commit(attempt("20261207T000000Z-0000000b", 0,
        Map.of("seq/shard-0", "90", "seq/shard-1", "7", "day", "2011-01-03"), List.of("s2")));

    assertThat(second).isInstanceOfSatisfying(PipelineCommit.Committed.class, c -> {
      assertThat(c.entry().version()).isEqualTo(2);
      assertThat(c.entry().cursors()).containsEntry("seq/shard-0", "200").containsEntry("seq/shard-1", "7")
          .containsEntry("day", "2011-01-03");
    });
  }

  @Test
  void commit_nothingNew_writesNoStateVersion() throws Exception {
    commit().commit(attempt("20261207T000000Z-0000000a", 0, Map.of("k", "1"), List.of("s1")));

    PipelineCommit.Outcome idle = commit().commit(new PipelineCommit.Attempt("20261207T000000Z-0000000d",
        Instant.now(), 1, Map.of("k", "1"), Map.of("k", "1"), List.of(), List.of()));

    assertThat(idle).isInstanceOfSatisfying(PipelineCommit.Committed.class,
        c -> assertThat(c.entry().version()).isEqualTo(1));
    assertThat(new StateLog(Lake.at(dir.toString()).store(), Lake.at(dir.toString()).root()).head("p").orElseThrow()
        .runId()).isEqualTo("20261207T000000Z-0000000a");
  }

  @Test
  void commit_emptyPublication_writesNoMarkerInItsDataset() throws Exception {
    // a file where the rejected zone's markers would go: any marker write there fails
    Path pending = dir.resolve("_lake/manifests/rejected/x/_pending");
    java.nio.file.Files.createDirectories(pending.getParent());
    java.nio.file.Files.writeString(pending, "not a directory");
    Publication empty = new Publication(Lake.at(dir.toString()).root().toString(), "rejected/x", "APPEND", "parquet",
        List.of(), null, List.of(), Map.of(), List.of("s1"), List.of());

    PipelineCommit.Outcome o = commit().commit(new PipelineCommit.Attempt("20261207T000000Z-0000000e",
        Instant.now(), 0, Map.of(), Map.of("k", "1"), List.of("s1"), List.of(empty)));

    assertThat(o).isInstanceOfSatisfying(PipelineCommit.Committed.class, c -> {
      assertThat(c.entry().version()).isEqualTo(1);
      assertThat(c.entry().publications()).containsExactly(empty);
    });
    assertThat(pending).isRegularFile().hasContent("not a directory");
    assertThat(ManifestStore.of(new LakeRoot(Lake.at(dir.toString()).root())).latest("rejected/x")).isEmpty();
  }

  @Test
  void advance_numbersComparedAsNumbersTextAsText() {
    assertThat(PipelineCommit.advance(Map.of("n", "999", "t", "b"), Map.of("n", "1000", "t", "a")))
        .containsEntry("n", "1000").containsEntry("t", "b");
  }

  @Test
  void commit_runStartedMoreThan23HoursAgo_refusedSayingNothingWasCommitted() {
    PipelineCommit.Attempt old = new PipelineCommit.Attempt("20261205T000000Z-0000000c",
        Instant.now().minus(Duration.ofHours(24)), 0, Map.of(), Map.of(), List.of("s1"), List.of());

    assertThatThrownBy(() -> commit().commit(old)).isInstanceOf(LakeException.class)
        .hasMessageContaining("too old to commit").hasMessageContaining("Nothing was committed");
  }
}
