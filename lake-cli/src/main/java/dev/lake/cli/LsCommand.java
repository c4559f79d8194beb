package dev.lake.cli;

import dev.lake.DatasetVersion;
import dev.lake.LakeSink;
import dev.lake.io.DataFile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake ls [root]}: the committed datasets per zone with partitions, rows, files, size and last commit, and a
 * flag on datasets made of many small files.
 *
 * <pre>{@code
 * lake ls ./lake
 * }</pre>
 */
@Command(name = "ls", mixinStandardHelpOptions = true,
    description = "Lists the committed datasets per zone: partitions, rows, files, size, last commit.",
    footer = {"", "Examples:", "  lake ls", "  lake ls ./lake", "  lake ls s3://my-bucket/lake",
        "  lake ls --warehouse ./lake/iceberg      (Iceberg tables too; <lake>/iceberg is found by itself)",
        "", "A dataset of more than 10 files whose median file is under 16 MB is flagged 'small files': readers "
        + "pay per file. Where compaction would merge at least a quarter of the files (partitions hold several "
        + "small files) the note says 'lake compact <dataset>' and how many files would remain; where each "
        + "partition holds about one, it says to partition more coarsely (write the dataset with fewer partition "
        + "columns)."})
final class LsCommand implements Callable<Integer> {
  static final long SMALL_FILE_BYTES = 16L << 20;
  static final int SMALL_FILE_COUNT = 10;

  @Spec
  CommandSpec spec;

  @Mixin
  RootOption root;

  @Parameters(arity = "0..1", paramLabel = "<root>", description = "The lake root (default: --lake).")
  String location;

  @Mixin
  IcebergOption iceberg;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String at = location != null ? location : root.lake;
    OpenedLake lake = iceberg.lake(root, at);
    var catalog = iceberg.catalog(root, at);
    if (lake != null) {
      list(out, lake);
    }
    if (catalog != null) {
      if (lake != null) {
        out.println();
      }
      IcebergListing.print(out, catalog, iceberg.tables(catalog), catalog.warehouse());
    }
    return 0;
  }

  private void list(PrintWriter out, OpenedLake lake) {
    List<OpenedLake.Dataset> datasets = lake.datasets();
    if (datasets.isEmpty()) {
      out.println("The lake at " + lake.root() + " has no committed dataset yet.");
      return;
    }
    TextTable table = new TextTable("zone", "dataset", "partitions", "rows", "files", "size", "last commit", "note");
    long rows = 0;
    long bytes = 0;
    try (Terminal.Progress progress = Terminal.progress(spec.commandLine().getErr(), "reading manifests",
        datasets.size())) {
      for (OpenedLake.Dataset d : datasets) {
        DatasetVersion m = lake.latest(d);
        progress.step();
        rows += m.rows();
        bytes += m.bytes();
        table.row(d.zone(), d.name(), m.partitionBy().isEmpty() ? "" : (Object) (long) partitions(m.files()), m.rows(),
            (long) m.files().size(), Format.bytes(m.bytes()), Format.time(m.committedAt()), smallFiles(m.files(), d));
      }
    }
    out.println("Lake " + lake.root() + ": " + datasets.size() + " datasets, " + String.format("%,d", rows)
        + " rows, " + Format.bytes(bytes));
    out.println();
    out.print(table);
  }

  static int partitions(List<DataFile> files) {
    HashSet<Object> distinct = new HashSet<>();
    files.forEach(f -> distinct.add(f.partition()));
    return distinct.size();
  }

  /**
   * "!! small files (median 172 KB): lake compact online_retail (26 files -> 13)" when more than 10 files have a
   * median under 16 MB and compaction would merge at least a quarter of them (partitions hold several small files);
   * otherwise compaction cannot help much (each partition holds about one file) and the note says to partition more
   * coarsely: "!! small files (median 1.2 KB), 71 files in 69 partitions: partition more coarsely". Empty when the
   * files are few or large enough.
   */
  static String smallFiles(List<DataFile> live, OpenedLake.Dataset d) {
    if (live.size() <= SMALL_FILE_COUNT) {
      return "";
    }
    List<Long> sizes = new ArrayList<>(live.stream().map(DataFile::bytes).toList());
    sizes.sort(null);
    long median = sizes.get(sizes.size() / 2);
    if (median >= SMALL_FILE_BYTES) {
      return "";
    }
    int files = live.size();
    int after = filesAfterCompaction(live, LakeSink.DEFAULT_TARGET_FILE_BYTES);
    String head = "!! small files (median " + Format.bytes(median) + ")";
    if (files - after >= Math.max(1, files / 4)) {
      return head + ": lake compact " + d.name() + " (" + files + " files -> " + after + ")";
    }
    return head + ", " + files + " files in " + partitions(live) + " partitions: partition more coarsely";
  }

  /**
   * How many files the dataset would have after {@code lake compact} with this target: per partition, two or more
   * files under 3/4 of the target merge into files near the target; a lone small file and large files stay.
   */
  static int filesAfterCompaction(List<DataFile> live, long target) {
    long small = target / 4 * 3;
    Map<Map<String, String>, List<DataFile>> byPartition = live.stream()
        .collect(Collectors.groupingBy(DataFile::partition));
    int after = 0;
    for (List<DataFile> files : byPartition.values()) {
      List<DataFile> smallFiles = files.stream().filter(f -> f.bytes() < small).toList();
      after += files.size() - smallFiles.size();
      if (smallFiles.size() > 1) {
        long bytes = smallFiles.stream().mapToLong(DataFile::bytes).sum();
        after += (int) Math.max(1, (bytes + target - 1) / target);
      } else {
        after += smallFiles.size();
      }
    }
    return after;
  }
}
