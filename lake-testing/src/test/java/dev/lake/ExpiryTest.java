package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SourceException;
import dev.lake.exceptions.ValidationException;
import dev.lake.testing.InMemorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention: replaced files wait for older versions' readers until no retained version lists them. */
class ExpiryTest {
  @TempDir
  Path dir;

  record Row(String id, String part) {}

  private Lake lake() {
    return Lake.at(dir.toString());
  }

  /** Overwrites the dataset with {@code n} rows named after the run: each run replaces every file. */
  private void overwrite(int run, int n) {
    List<Row> rows = IntStream.range(0, n).mapToObj(i -> new Row(run + "-" + i, i % 2 == 0 ? "a" : "b")).toList();
    Pipeline.from(InMemorySource.of("run-" + run, rows)).named("rows")
        .to(lake().processed("rows").partitionBy("part").mode(WriteMode.OVERWRITE)).run();
  }

  private List<Path> files(String under) throws Exception {
    Path root = dir.resolve(under);
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  @Test
  void overwrite_keepsReplacedFilesOutOfTheDatasetForOlderVersionsReaders() throws Exception {
    overwrite(1, 10);
    overwrite(2, 4);

    assertThat(PlainReader.countBy(dir.resolve("processed/rows"), "part")).as("a plain glob: the newest rows only")
        .containsExactly(java.util.Map.entry("a", 2L), java.util.Map.entry("b", 2L));
    assertThat(files("_lake/retired/processed/rows")).hasSize(2);
    assertThat(lake().readVersion("rows", 1).readAll()).hasSize(10);
    assertThat(lake().read("rows").readAll()).hasSize(4);
  }

  @Test
  void expire_keepsTheNewestVersionsAndDeletesWhatOnlyExpiredOnesList() throws Exception {
    for (int run = 1; run <= 5; run++) {
      overwrite(run, 10 + run);
    }
    List<Path> newest = files("processed/rows");

    ExpiryResult result = lake().expiry("rows").olderThan(Duration.ZERO).retainLast(2).run();

    assertThat(result.expiredVersions()).containsExactly(1L, 2L, 3L);
    assertThat(result.oldestRetained()).isEqualTo(4);
    assertThat(result.filesDeleted()).as("files of v1..v3: removed by v2..v4").isEqualTo(6);
    assertThat(result.bytesDeleted()).isPositive();
    assertThat(result.summary()).contains("3 of 5 versions expired (v1-v3)");
    assertThat(lake().history("rows")).extracting(m -> m.version()).containsExactly(4L, 5L);
    assertThat(files("processed/rows")).isEqualTo(newest);
    assertThat(files("_lake/retired/processed/rows")).as("v4's files, replaced by v5").hasSize(2);
    assertThat(lake().readVersion("rows", 4).readAll()).hasSize(14);
    assertThat(lake().read("rows").readAll()).hasSize(15);
    assertThatThrownBy(() -> lake().readVersion("rows", 2).readAll()).isInstanceOf(SourceException.class)
        .hasMessageContaining("has no version 2").hasMessageContaining("expired");
  }

  @Test
  void expire_byDefault_keepsEverythingYoungerThanADay() throws Exception {
    for (int run = 1; run <= 12; run++) {
      overwrite(run, 3);
    }

    ExpiryResult dry = lake().expiry("rows").olderThan(Duration.ofHours(1)).retainLast(1).dryRun().run();
    ExpiryResult result = lake().expire("rows");

    assertThat(dry.expiredVersions()).as("all are younger than an hour").isEmpty();
    assertThat(result.expiredVersions()).isEmpty();
    assertThat(lake().history("rows")).hasSize(12);
    assertThat(lake().readVersion("rows", 1).readAll()).hasSize(3);
  }

  @Test
  void expire_dryRun_deletesNothing() throws Exception {
    for (int run = 1; run <= 3; run++) {
      overwrite(run, 4);
    }

    ExpiryResult dry = lake().expiry("rows").olderThan(Duration.ZERO).retainLast(1).dryRun().run();

    assertThat(dry.expiredVersions()).containsExactly(1L, 2L);
    assertThat(dry.filesDeleted()).isEqualTo(4);
    assertThat(dry.summary()).contains("would expire").contains("to delete");
    assertThat(lake().history("rows")).hasSize(3);
    assertThat(files("_lake/retired/processed/rows")).hasSize(4);
  }

  @Test
  void expire_noCommit_failsNamingTheFix() {
    assertThatThrownBy(() -> lake().expire("nothing")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("has no commit").hasMessageContaining("lake ls");
  }

  @Test
  void expiry_retainLastZero_refused() {
    assertThatThrownBy(() -> lake().expiry("rows").retainLast(0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least 1");
  }
}
