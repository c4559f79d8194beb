package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.NamedSplits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What many runs leave in a table's metadata. Each snapshot's summary names only its own run's splits, so the ledger
 * in a summary does not grow; the current metadata file holds every snapshot (until {@code expireSnapshots}), and
 * Iceberg writes a whole new metadata file per commit. A table Lake creates keeps only the newest
 * {@value IcebergTables#PREVIOUS_METADATA_FILES} earlier metadata files (Iceberg's delete-after-commit), instead of
 * every one, which grows as the square of the runs; the ledger, time travel and re-runs are unaffected, since they
 * read the current metadata file only.
 */
class IcebergMetadataGrowthTest {
  @TempDir
  Path dir;

  record Line(String split, int n) {}

  private static Map<String, List<Line>> splits(int run) {
    Map<String, List<Line>> splits = new LinkedHashMap<>();
    for (int s = 0; s < 3; s++) {
      String name = "run" + run + "-file" + s;
      splits.put(name, List.of(new Line(name, s)));
    }
    return splits;
  }

  private static PipelineResult run(IcebergCatalog catalog, Map<String, List<Line>> splits) {
    return Pipeline.from(NamedSplits.of(splits)).named("lines").withParallelism(1)
        .to(catalog.<Line>table("t.lines")).run();
  }

  @Test
  void manyRuns_keepTheNewestMetadataFilesOnly_andTheLedgerAndTimeTravelWhole() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    int runs = IcebergTables.PREVIOUS_METADATA_FILES + 10;
    for (int r = 0; r < runs; r++) {
      run(catalog, splits(r));
    }
    Table table = catalog.load("t.lines");
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    List<Path> metadataFiles;
    try (Stream<Path> files = Files.list(dir.resolve("w/t/lines/metadata"))) {
      metadataFiles = files.filter(p -> p.toString().endsWith(".metadata.json")).toList();
    }
    // the current file and the 100 before it; without the table properties, one per commit (111)
    assertThat(metadataFiles).hasSize(IcebergTables.PREVIOUS_METADATA_FILES + 1);
    assertThat(metadata.snapshots()).hasSize(runs);
    assertThat(SnapshotLedger.splits(table.currentSnapshot().summary()))
        .as("a summary names its own run's splits only")
        .containsExactlyElementsOf(splits(runs - 1).keySet().stream().map(n -> "split:" + n).toList());

    // the ledger still holds every run's splits: a re-run of the first run's input adds nothing
    assertThat(catalog.<Line>table("t.lines").committedSplits()).hasSize(3 * runs);
    assertThat(run(catalog, splits(0)).rowsWritten()).isZero();
    // time travel to the first snapshot, whose metadata file is long deleted
    List<Snapshot> history = new ArrayList<>(metadata.snapshots());
    List<org.apache.avro.generic.GenericRecord> first = new ArrayList<>();
    try (dev.lake.io.SourceReader<org.apache.avro.generic.GenericRecord> r =
        IcebergRead.of(table).snapshot(history.get(0).snapshotId()).plan().open()) {
      r.forEachRemaining(first::add);
    }
    assertThat(first).hasSize(3);
  }
}
