package dev.lake.internal.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.testing.InMemorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version files list segments: a commit writes what it adds, not the whole history again. */
class SegmentsTest {
  @TempDir
  Path dir;

  record Row(String id, int batch) {}

  private Lake lake() {
    return Lake.at(dir.toString());
  }

  private LakeRoot root() {
    return new LakeRoot(lake().root());
  }

  private void append(int batch, WriteMode mode) {
    List<Row> rows = IntStream.range(0, 5).mapToObj(i -> new Row(batch + "-" + i, batch)).toList();
    Pipeline.from(InMemorySource.of("batch-" + batch, rows)).named("rows").to(lake().processed("rows").mode(mode))
        .run();
  }

  private long versionFileBytes(long version) throws Exception {
    return Files.size(dir.resolve(String.format("_lake/manifests/processed/rows/v%020d.json", version)));
  }

  @Test
  void appends_versionFilesStaySmallAndListAtMostMaxSegments() throws Exception {
    for (int b = 1; b <= 40; b++) {
      append(b, WriteMode.APPEND);
    }

    Manifest newest = ManifestStore.of(root()).latest("processed/rows").orElseThrow();
    assertThat(newest.files()).hasSize(40);
    assertThat(newest.ledger()).hasSize(40);
    assertThat(newest.segments()).hasSizeLessThanOrEqualTo(Segments.MAX);
    assertThat(versionFileBytes(40)).as("the version file does not repeat the 40 files")
        .isLessThan(versionFileBytes(1) + Segments.MAX * 120L);
    assertThat(lake().read("rows").readAll()).hasSize(200);
    for (long v = 1; v <= 40; v++) {
      assertThat(lake().readVersion("rows", v).readAll()).as("version %s", v).hasSize((int) v * 5);
    }
  }

  @Test
  void overwrite_dropsTheOldSegments() throws Exception {
    append(1, WriteMode.APPEND);
    append(2, WriteMode.APPEND);

    append(3, WriteMode.OVERWRITE);

    Manifest newest = ManifestStore.of(root()).latest("processed/rows").orElseThrow();
    assertThat(newest.segments()).hasSize(1);
    assertThat(newest.ledger()).hasSize(1);
    assertThat(lake().read("rows").readAll()).hasSize(5);
  }

  @Test
  void manifestOfTheFormerFormat_isReadAndItsFilesMovedIntoSegmentsByTheNextCommit() throws Exception {
    append(1, WriteMode.APPEND);
    Path v1 = dir.resolve(String.format("_lake/manifests/processed/rows/v%020d.json", 1));
    Manifest resolved = ManifestStore.of(root()).latest("processed/rows").orElseThrow();
    Manifest inline = new Manifest(2, resolved.dataset(), 1, resolved.committedAt(), resolved.pipeline(),
        resolved.runId(), null, resolved.mode(), resolved.format(), resolved.partitionBy(), resolved.schema(),
        resolved.files(), resolved.added(), List.of(), java.util.Map.of(), List.of(), resolved.published(), List.of());
    Files.write(v1, Json.write(inline));

    append(2, WriteMode.APPEND);

    Manifest newest = ManifestStore.of(root()).latest("processed/rows").orElseThrow();
    assertThat(newest.segments()).isNotEmpty();
    assertThat(newest.files()).hasSize(2);
    assertThat(lake().read("rows").readAll()).hasSize(10);
  }

  @Test
  void write_segmentNameTakenByAnEarlierAttempt_leavesItAloneAndTakesAFreshName() throws Exception {
    append(1, WriteMode.APPEND);
    Manifest v1 = ManifestStore.of(root()).latest("processed/rows").orElseThrow();
    Path taken = dir.resolve("_lake/manifests/processed/rows/segments/retry-v1-0.json");
    Files.writeString(taken, "an earlier attempt's segment, listed by no version");

    List<SegmentRef> refs = new Segments(ManifestStore.of(root())).write("processed/rows", v1, null, "retry");

    assertThat(refs).hasSize(1);
    assertThat(refs.get(0).name()).startsWith("retry-v1-0-").isNotEqualTo("retry-v1-0");
    assertThat(Files.readString(taken)).isEqualTo("an earlier attempt's segment, listed by no version");
    assertThat(new Segments(ManifestStore.of(root())).load("processed/rows", refs).get(0).segment().files())
        .isEqualTo(v1.files());
  }
}
