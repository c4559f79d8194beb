package dev.lake.cli;

import dev.lake.Compaction;
import dev.lake.CompactionResult;
import dev.lake.LakeSink;
import dev.lake.io.PartitionPaths;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake compact <dataset>}: rewrites a dataset's small files, partition by partition, into files near a target
 * size and commits them as one new version (see {@link Compaction}); {@code --dry-run} prints the plan only.
 *
 * <pre>{@code
 * lake compact online_retail --lake ./lake --target-size 64MB --partition year=2011 --dry-run
 * }</pre>
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
    description = "Rewrites a dataset's small files into files near a target size, in one commit.",
    footer = {"", "Examples:", "  lake compact songs", "  lake compact online_retail --dry-run",
        "  lake compact online_retail --target-size 64MB --partition year=2011 --partition month=12",
        "  lake compact raw/api-football/fixtures --lake s3://my-bucket/lake",
        "", "Files under 3/4 of the target are small; a partition is rewritten when it holds two or more. Readers "
        + "that follow the manifests see the old files or the new ones, never both; the replaced files are "
        + "deleted after the commit. A partition another commit changes meanwhile is skipped, not merged."})
final class CompactCommand implements Callable<Integer> {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMG]i?B?|B)?", Pattern.CASE_INSENSITIVE);

  @Spec
  CommandSpec spec;

  @Mixin
  RootOption root;

  @Parameters(paramLabel = "<dataset>", description = "The dataset: a processed dataset's name or a zone path.")
  String dataset;

  @Option(names = "--target-size", paramLabel = "<size>", defaultValue = "128MB",
      description = "Roll new files at about this size: 128MB, 1GB, 512KB or bytes (default: ${DEFAULT-VALUE}).")
  String targetSize;

  @Option(names = {"--partition", "-p"}, paramLabel = "<column=value>",
      description = "Only partitions with this value (repeatable; all must match). "
          + "__HIVE_DEFAULT_PARTITION__ selects null.")
  List<String> partitions = List.of();

  @Option(names = "--dry-run", description = "Print what would be rewritten; write and commit nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    OpenedLake lake = root.open();
    OpenedLake.Dataset d = lake.find(dataset);
    long target = parseSize(targetSize);
    Compaction compaction = lake.lake().compaction(d.path()).targetFileBytes(target);
    for (String p : partitions) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new CliException("--partition " + p + ": expected <column>=<value>, e.g. --partition year=2011");
      }
      compaction = compaction.partition(p.substring(0, eq), p.substring(eq + 1));
    }
    CompactionResult plan = compaction.dryRun().run();
    CompactionResult result = plan;
    if (!dryRun && !plan.partitions().isEmpty()) {
      try (Terminal.Progress progress = Terminal.progress(spec.commandLine().getErr(), "rewriting partitions",
          plan.partitions().size())) {
        result = compaction.onPartitionWritten(p -> progress.step()).run();
      }
    }
    print(out, d, result);
    return 0;
  }

  private static void print(PrintWriter out, OpenedLake.Dataset d, CompactionResult r) {
    out.println((r.dryRun() ? "Plan for " : "Compacted ") + d.path() + " (target " + Format.bytes(r.targetFileBytes())
        + ", files under " + Format.bytes(r.targetFileBytes() / 4 * 3) + " are small):");
    if (!r.partitions().isEmpty()) {
      out.println();
      TextTable table = new TextTable("partition", "files", "size", r.dryRun() ? "~files after" : "files after",
          "size after", "rows", "note");
      for (CompactionResult.PartitionResult p : r.partitions()) {
        table.row(partition(p.partition()), (long) p.filesBefore(), Format.bytes(p.bytesBefore()),
            (long) p.filesAfter(), Format.bytes(p.bytesAfter()), p.rows(),
            p.skipped() == null ? "" : "skipped: " + p.skipped());
      }
      out.print(table);
      out.println();
    }
    out.println(r.summary());
    if (r.dryRun() && !r.partitions().isEmpty()) {
      out.println("Nothing was written (--dry-run). Run without --dry-run to compact.");
    }
  }

  private static String partition(Map<String, String> values) {
    return values.isEmpty() ? "(unpartitioned)" : PartitionPaths.directory(values);
  }

  /** {@code 128MB}, {@code 1.5GB}, {@code 512KiB}, {@code 1048576}: binary units, as {@link LakeSink} counts. */
  static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new CliException("--target-size " + text + ": expected a size such as 128MB, 1GB, 512KB or a number "
          + "of bytes");
    }
    String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
    long scale = unit.startsWith("K") ? 1L << 10 : unit.startsWith("M") ? 1L << 20 : unit.startsWith("G") ? 1L << 30
        : 1;
    double bytes = Double.parseDouble(m.group(1)) * scale;
    if (bytes < 1024 || bytes > 1L << 40) {
      throw new CliException("--target-size " + text + ": must be between 1KB and 1TB");
    }
    return (long) bytes;
  }
}
