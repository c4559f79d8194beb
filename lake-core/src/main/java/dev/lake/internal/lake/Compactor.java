package dev.lake.internal.lake;

import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.Compression;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.PartitionPaths;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts one dataset in three steps: {@link #plan()} reads the newest manifest and picks, per partition, the files
 * under 3/4 of the target; {@link #rewrite} writes their rows into staged {@code compact-<runId>-*} files (invisible);
 * {@link #commit} commits the swap like a pipeline's run ({@link PipelineCommit}, under the pipeline name
 * {@code compact.<zone>.<dataset>}): it is published on top of whatever version is newest by then, each group only if
 * its inputs are all still live. The replaced files are retired, not deleted. The public entry is
 * {@link dev.lake.Compaction}.
 *
 * <pre>{@code
 * Compactor.Result r = new Compactor(lake, "processed/sales", 128L << 20, Map.of(), null).run(false);
 * }</pre>
 */
public final class Compactor {
  private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  final LakeRoot lake;
  final String dataset;
  final long targetBytes;
  final Instant started = Instant.now();
  final String runId = RUN_TIME.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, String> selection;
  private final Compression compression;

  public Compactor(LakeRoot lake, String dataset, long targetBytes, Map<String, String> selection,
      Compression compression) {
    this.lake = lake;
    this.dataset = dataset;
    this.targetBytes = targetBytes;
    this.selection = Map.copyOf(selection);
    this.compression = compression;
  }

  /** One partition's small files and, once rewritten, the files replacing them. */
  static final class Group {
    final Map<String, String> partition;
    final String directory;
    final List<DataFile> inputs;
    final String key;
    List<DataFile> outputs = List.of();
    Map<String, dev.lake.io.StagedObject> staged = Map.of();
    String skipped;

    Group(Map<String, String> partition, String directory, List<DataFile> inputs, String key) {
      this.partition = partition;
      this.directory = directory;
      this.inputs = List.copyOf(inputs);
      this.key = key;
    }

    long inputBytes() {
      return inputs.stream().mapToLong(DataFile::bytes).sum();
    }

    long rows() {
      return inputs.stream().mapToLong(DataFile::rows).sum();
    }
  }

  /** What to rewrite, read from {@code base}. */
  record Plan(Manifest base, List<Group> groups, int filesKept) {}

  /**
   * What a compaction did (or, dry, would do), engine-side: {@code dev.lake.Compaction} makes the public
   * {@code CompactionResult} of it.
   *
   * @param dataset the dataset's path
   * @param runId the compaction's run id
   * @param dryRun nothing was written
   * @param versionBefore the dataset's version before
   * @param versionAfter its version after (the same when nothing was committed)
   * @param targetFileBytes the target size of a rewritten file
   * @param partitions each partition's rewrite, in plan order
   * @param filesKept files left as they were
   * @param duration how long it took
   */
  public record Result(String dataset, String runId, boolean dryRun, long versionBefore, long versionAfter,
      long targetFileBytes, List<PartitionResult> partitions, int filesKept, Duration duration) {}

  /**
   * One partition's rewrite.
   *
   * @param partition the partition's values, in its column order (a value may be null)
   * @param filesBefore its files before
   * @param bytesBefore their bytes
   * @param filesAfter its files after (about, on a dry run)
   * @param bytesAfter their bytes
   * @param rows its rows
   * @param skipped why it was skipped, or {@code null} when it was rewritten
   */
  public record PartitionResult(Map<String, String> partition, int filesBefore, long bytesBefore, int filesAfter,
      long bytesAfter, long rows, String skipped) {}

  /** Plans, then (unless a dry run) rewrites, commits, cleans up and writes the run report. */
  public Result run(boolean dryRun) {
    return run(dryRun, p -> { });
  }

  /** As {@link #run(boolean)}, telling {@code listener} about each partition once its files are written. */
  public Result run(boolean dryRun, Consumer<PartitionResult> listener) {
    try {
      Plan plan = plan();
      if (dryRun) {
        return result(plan, plan.base().version(), true);
      }
      rewrite(plan, listener);
      long version = commit(plan);
      Result result = result(plan, version, false);
      CompactionReport.write(lake, result, started);
      return result;
    } catch (IOException e) {
      throw new LakeException("Compaction of " + dataset + " failed: " + e.getMessage()
          + ". Nothing was committed; run it again.", e);
    }
  }

  Plan plan() throws IOException {
    new PipelineCommit(lake, CompactionReport.pipelineName(dataset)).recover();
    Leftovers.cleanUp(ManifestStore.of(lake), CompactionReport.pipelineName(dataset), dataset, started);
    Manifest m = ManifestStore.of(lake).latest(dataset).orElseThrow(() -> new ValidationException("Cannot compact "
        + dataset + ": it has no commit under " + lake.root() + " (lake ls lists the committed datasets)"));
    for (String column : selection.keySet()) {
      ValidationException.check(m.partitionBy().contains(column), "Cannot compact %s where %s=%s: %s", dataset,
          column, selection.get(column), m.partitionBy().isEmpty() ? "the dataset is not partitioned"
              : "the dataset is partitioned by " + m.partitionBy());
    }
    Map<Map<String, String>, List<DataFile>> byPartition = new LinkedHashMap<>();
    for (DataFile f : m.files()) {
      if (selected(f.partition())) {
        byPartition.computeIfAbsent(f.partition(), p -> new ArrayList<>()).add(f);
      }
    }
    if (!selection.isEmpty() && byPartition.isEmpty()) {
      throw new ValidationException("Cannot compact " + dataset + " where " + selection + ": no file is in such a "
          + "partition; its partitions include " + m.files().stream().map(f -> f.partition().toString()).distinct()
          .sorted().limit(5).toList());
    }
    List<Group> groups = new ArrayList<>();
    int kept = m.files().size();
    for (Map.Entry<Map<String, String>, List<DataFile>> e : byPartition.entrySet()) {
      List<DataFile> small = e.getValue().stream().filter(f -> f.bytes() < targetBytes / 4 * 3)
          .sorted(Comparator.comparing(DataFile::path)).toList();
      if (small.size() < 2) {
        continue;
      }
      String first = small.get(0).path();
      String directory = first.substring(0, first.lastIndexOf('/') + 1);
      groups.add(new Group(e.getKey(), directory, small, runId + "-" + groups.size()));
      kept -= small.size();
    }
    return new Plan(m, groups, kept);
  }

  private boolean selected(Map<String, String> partition) {
    for (Map.Entry<String, String> s : selection.entrySet()) {
      String value = partition.get(s.getKey());
      boolean nullWanted = PartitionPaths.NULL_VALUE.equals(s.getValue());
      if (nullWanted ? value != null && !value.isEmpty() : !s.getValue().equals(value)) {
        return false;
      }
    }
    return true;
  }

  /** Writes every group's new files; on failure deletes the ones already written. */
  void rewrite(Plan plan) throws IOException {
    rewrite(plan, p -> { });
  }

  private void rewrite(Plan plan, Consumer<PartitionResult> listener) throws IOException {
    Manifest m = plan.base();
    FileFormat format = FileFormat.valueOf(m.format());
    Schema textSchema = PartitionRewriter.textFileSchema(format, m.schema(), m.partitionBy());
    URI dataDir = ManifestStore.of(lake).dataDirectory(dataset);
    List<PartitionRewriter> done = new ArrayList<>();
    try {
      for (Group g : plan.groups()) {
        PartitionRewriter rewriter =
            new PartitionRewriter(lake.store(), dataDir, format, textSchema, compression, targetBytes);
        done.add(rewriter);
        g.outputs = rewriter.rewrite(g.inputs, dataDir, g.directory, "compact-" + g.key, runId);
        g.staged = rewriter.staged();
        listener.accept(partitionResult(g, false));
      }
    } catch (IOException | RuntimeException | Error e) {
      done.forEach(PartitionRewriter::discard);
      throw e;
    }
  }

  /**
   * Commits the swap of every group and publishes it; a group whose inputs another commit removed meanwhile is
   * skipped (its files are discarded). Returns the dataset's version after.
   */
  long commit(Plan plan) throws IOException {
    Manifest m = plan.base();
    List<DataFile> outputs = new ArrayList<>();
    Map<String, dev.lake.io.StagedObject> staged = new LinkedHashMap<>();
    List<Publication.Swap> swaps = new ArrayList<>();
    for (Group g : plan.groups()) {
      outputs.addAll(g.outputs);
      staged.putAll(g.staged);
      swaps.add(new Publication.Swap(g.inputs.stream().map(DataFile::path).toList(),
          g.outputs.stream().map(DataFile::path).toList()));
    }
    Publication pub = new Publication(lake.root().toString(), dataset, CompactionReport.MODE, m.format(),
        m.partitionBy(), null, outputs, staged, List.of(), swaps);
    PipelineCommit commit = new PipelineCommit(lake, CompactionReport.pipelineName(dataset));
    long base = commit.log().head(CompactionReport.pipelineName(dataset)).map(StateLog.Entry::version).orElse(0L);
    PipelineCommit.Outcome outcome = commit.commit(new PipelineCommit.Attempt(runId, started, base, Map.of(),
        Map.of(), List.of(), List.of(pub)));
    DatasetCommit.Result result = ((PipelineCommit.Committed) outcome).results().get(0);
    java.util.Set<String> live = new java.util.HashSet<>();
    if (result.version() != null) {
      result.version().files().forEach(f -> live.add(f.path()));
    }
    for (Group g : plan.groups()) {
      if (!g.outputs.isEmpty() && !live.contains(g.outputs.get(0).path())) {
        g.skipped = "another commit changed this partition's files while they were rewritten";
        LOG.warn("Compaction of {} {}: skipped, {}", dataset, g.partition, g.skipped);
      }
    }
    return result.version() == null ? m.version() : result.version().version();
  }

  private Result result(Plan plan, long versionAfter, boolean dryRun) {
    List<PartitionResult> partitions = new ArrayList<>();
    for (Group g : plan.groups()) {
      partitions.add(partitionResult(g, dryRun));
    }
    return new Result(dataset, runId, dryRun, plan.base().version(), versionAfter, targetBytes,
        List.copyOf(partitions), plan.filesKept(), Duration.between(started, Instant.now()));
  }

  private PartitionResult partitionResult(Group g, boolean dryRun) {
    int filesAfter = dryRun ? (int) Math.max(1, (g.inputBytes() + targetBytes - 1) / targetBytes)
        : g.outputs.size();
    long bytesAfter = dryRun ? g.inputBytes() : g.outputs.stream().mapToLong(DataFile::bytes).sum();
    return new PartitionResult(g.partition, g.inputs.size(), g.inputBytes(), filesAfter, bytesAfter, g.rows(),
        g.skipped);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
