package dev.lake.internal.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.io.DataFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextVersionTest {
  private static DataFile file(String path, String month, String... splits) {
    return DataFile.builder().path(path).partition(Map.of("month", month)).rows(10).bytes(100).commitKey("run")
        .splits(List.of(splits)).build();
  }

  private static Manifest version(List<DataFile> files, List<String> emptySplits) {
    return new Manifest(Manifest.FORMAT, "processed/d", 3, Instant.now(), "p", "r0", null, "APPEND", "PARQUET",
        List.of("month"), "{}", files, List.of(), List.of(), Map.of(), emptySplits, Map.of("p", 2L), List.of());
  }

  private static Publication pub(String mode, List<DataFile> files, List<String> splits,
      List<Publication.Swap> swaps) {
    return new Publication("file:///lake/", "processed/d", mode, "PARQUET", List.of("month"), null, files, Map.of(),
        splits, swaps);
  }

  private static List<String> paths(Manifest m) {
    return m.files().stream().map(DataFile::path).toList();
  }

  @Test
  void of_append_keepsPreviousFilesAndAddsTheLedger() {
    Manifest before = version(List.of(file("month=1/a", "1", "s1")), List.of("s0"));

    Manifest next = NextVersion.of(before, pub("APPEND", List.of(file("month=2/b", "2", "s2")),
        List.of("s2", "s3"), List.of()), "p", 3, "r1").manifest();

    assertThat(paths(next)).containsExactly("month=1/a", "month=2/b");
    assertThat(next.version()).isEqualTo(4);
    assertThat(next.ledger()).containsExactlyInAnyOrder("s0", "s1", "s2", "s3");
    assertThat(next.emptySplits()).containsExactly("s0", "s3");
    assertThat(next.published()).containsEntry("p", 3L);
    assertThat(next.removed()).isEmpty();
  }

  @Test
  void of_overwrite_keepsOnlyNewFilesAndTheirLedger() {
    Manifest before = version(List.of(file("month=1/a", "1", "s1")), List.of("s0"));

    Manifest next = NextVersion.of(before, pub("OVERWRITE", List.of(file("month=2/b", "2", "s2")), List.of("s2"),
        List.of()), "p", 3, "r1").manifest();

    assertThat(paths(next)).containsExactly("month=2/b");
    assertThat(next.ledger()).containsExactly("s2");
    assertThat(next.removed()).containsExactly("month=1/a");
  }

  @Test
  void of_overwritePartitions_replacesTouchedPartitionsOnly() {
    Manifest before = version(List.of(file("month=1/a", "1", "s1"), file("month=2/b", "2", "s1", "s2")), List.of());

    Manifest next = NextVersion.of(before, pub("OVERWRITE_PARTITIONS", List.of(file("month=2/c", "2", "s3")),
        List.of("s3"), List.of()), "p", 3, "r1").manifest();

    assertThat(paths(next)).containsExactly("month=1/a", "month=2/c");
    assertThat(next.ledger()).as("s2 left with its file; s1 still has rows in month=1")
        .containsExactlyInAnyOrder("s1", "s3");
  }

  @Test
  void of_compactWithOneGroupStillLive_swapsItAndSkipsTheOther() {
    Manifest before = version(List.of(file("month=1/a", "1", "s1"), file("month=1/b", "1", "s2"),
        file("month=2/c", "2", "s3")), List.of());
    List<Publication.Swap> swaps = List.of(new Publication.Swap(List.of("month=1/a", "month=1/b"), List.of("month=1/m")),
        new Publication.Swap(List.of("month=2/c", "month=2/gone"), List.of("month=2/n")));

    NextVersion next = NextVersion.of(before, pub("COMPACT", List.of(file("month=1/m", "1", "s1", "s2"),
        file("month=2/n", "2", "s3")), List.of(), swaps), "compact.processed.d", 1, "r2");

    assertThat(paths(next.manifest())).containsExactly("month=2/c", "month=1/m");
    assertThat(next.inapplicable()).containsExactly("month=2/n");
    assertThat(next.manifest().removed()).containsExactly("month=1/a", "month=1/b");
    assertThat(next.manifest().ledger()).containsExactlyInAnyOrder("s1", "s2", "s3");
  }

  @Test
  void of_firstVersion_startsAtOne() {
    Manifest next = NextVersion.of(null, pub("APPEND", List.of(file("month=1/a", "1", "s1")), List.of("s1"),
        List.of()), "p", 1, "r1").manifest();

    assertThat(next.version()).isEqualTo(1);
    assertThat(next.schema()).isNull();
    assertThat(next.partitionBy()).containsExactly("month");
  }
}
