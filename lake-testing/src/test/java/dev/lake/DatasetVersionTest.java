package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.testing.InMemorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public view of a dataset's versions, checked against the files on disk and DuckDB's count of them. */
class DatasetVersionTest {
  @TempDir
  Path dir;

  record Row(String id, String part) {}

  private Lake lake() {
    return Lake.at(dir.toString());
  }

  private PipelineResult run(int run, int n, WriteMode mode) {
    List<Row> rows = IntStream.range(0, n).mapToObj(i -> new Row(run + "-" + i, i % 2 == 0 ? "a" : "b")).toList();
    return Pipeline.from(InMemorySource.of("run-" + run, rows)).named("rows")
        .to(lake().processed("rows").partitionBy("part").mode(mode)).run();
  }

  @Test
  void latest_afterAnOverwrite_describesTheNewestCommitAndItsFiles() throws Exception {
    run(1, 10, WriteMode.APPEND);
    Instant before = Instant.now();
    PipelineResult second = run(2, 4, WriteMode.OVERWRITE);

    DatasetVersion v = lake().latest("rows").orElseThrow();

    assertThat(v.dataset()).isEqualTo("processed/rows");
    assertThat(v.version()).isEqualTo(2);
    assertThat(v.pipeline()).isEqualTo("rows");
    assertThat(v.runId()).isEqualTo(second.runId());
    assertThat(v.committedAt()).isBetween(before, Instant.now());
    assertThat(v.mode()).isEqualTo("OVERWRITE");
    assertThat(v.format()).isEqualTo(FileFormat.PARQUET);
    assertThat(v.partitionBy()).containsExactly("part");
    assertThat(v.schema()).get().extracting(s -> s.getFields().stream().map(Schema.Field::name).toList())
        .isEqualTo(List.of("id", "part"));
    assertThat(v.location()).isEqualTo(dir.resolve("processed/rows").toUri());
    assertThat(v.files()).extracting(f -> f.partition().get("part")).containsOnly("a", "b");
    long bytesOnDisk = 0;
    for (DataFile f : v.files()) {
      Path file = Path.of(v.fileUri(f));
      assertThat(file).as(f.path()).exists().hasParent(dir.resolve("processed/rows/part=" + f.partition().get("part")));
      bytesOnDisk += Files.size(file);
    }
    assertThat(v.bytes()).isEqualTo(bytesOnDisk);
    assertThat(v.rows()).isEqualTo(4)
        .isEqualTo(PlainReader.countBy(dir.resolve("processed/rows"), "part").values().stream().mapToLong(n -> n)
            .sum());
    assertThat(v.added()).containsExactlyInAnyOrderElementsOf(v.files().stream().map(DataFile::path).toList());
    assertThat(v.removed()).containsExactlyInAnyOrderElementsOf(
        lake().history("rows").get(0).files().stream().map(DataFile::path).toList());
  }

  @Test
  void historyAndVersion_twoCommits_oldestFirstAndEachRetainedVersionByNumber() {
    run(1, 10, WriteMode.APPEND);
    run(2, 6, WriteMode.APPEND);

    List<DatasetVersion> history = lake().history("rows");

    assertThat(history).extracting(DatasetVersion::version).containsExactly(1L, 2L);
    assertThat(history).extracting(DatasetVersion::rows).containsExactly(10L, 16L);
    assertThat(lake().version("rows", 1).orElseThrow()).isEqualTo(history.get(0)).isNotEqualTo(history.get(1))
        .hasSameHashCodeAs(history.get(0));
    assertThat(lake().version("rows", 1).orElseThrow().files()).isEqualTo(history.get(0).files());
    assertThat(lake().version("rows", 3)).isEmpty();
    assertThat(lake().latest("none")).isEmpty();
    assertThat(lake().history("none")).isEmpty();
  }
}
