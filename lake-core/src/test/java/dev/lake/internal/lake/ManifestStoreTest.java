package dev.lake.internal.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.WriteMode;
import dev.lake.io.DataFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestStoreTest {
  private static DataFile file(String path, String month, String key) {
    return new DataFile(path, Map.of("month", month), 10, 100, key);
  }

  private static List<String> paths(List<DataFile> files) {
    return files.stream().map(DataFile::path).toList();
  }

  @Test
  void snapshot_appendNewKey_keepsPreviousFiles() {
    List<DataFile> previous = List.of(file("month=1/a", "1", "k1"));

    List<DataFile> live = ManifestStore.snapshot(WriteMode.APPEND, previous, List.of(file("month=2/b", "2", "k2")),
        "k2");

    assertThat(paths(live)).containsExactly("month=1/a", "month=2/b");
  }

  @Test
  void snapshot_appendSameKeyAgain_replacesThatKeysFiles() {
    List<DataFile> previous = List.of(file("month=1/a", "1", "k1"), file("month=1/old", "1", "k2"));

    List<DataFile> live = ManifestStore.snapshot(WriteMode.APPEND, previous, List.of(file("month=1/new", "1", "k2")),
        "k2");

    assertThat(paths(live)).containsExactly("month=1/a", "month=1/new");
  }

  @Test
  void snapshot_overwrite_keepsOnlyNewFiles() {
    List<DataFile> live = ManifestStore.snapshot(WriteMode.OVERWRITE, List.of(file("month=1/a", "1", "k1")),
        List.of(file("month=2/b", "2", "k2")), "k2");

    assertThat(paths(live)).containsExactly("month=2/b");
  }

  @Test
  void snapshot_overwritePartitions_replacesTouchedPartitionsOnly() {
    List<DataFile> previous = List.of(file("month=1/a", "1", "k1"), file("month=2/b", "2", "k1"));

    List<DataFile> live = ManifestStore.snapshot(WriteMode.OVERWRITE_PARTITIONS, previous,
        List.of(file("month=2/c", "2", "k2")), "k2");

    assertThat(paths(live)).containsExactly("month=1/a", "month=2/c");
  }
}
