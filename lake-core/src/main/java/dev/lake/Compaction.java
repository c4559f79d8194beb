package dev.lake;

import dev.lake.exceptions.ValidationException;
import dev.lake.internal.lake.Compactor;
import dev.lake.io.Compression;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the small files of a dataset into files near a target size, partition by partition, and commits the result
 * as one new manifest version: readers that follow the manifests see either the old files or the new ones, with the
 * same rows. Files already at least 3/4 of the target are left alone, as is a partition with a single small file.
 * Immutable: every option returns a copy; {@link #run()} does the work.
 *
 * <p>Safe beside writers: the new files are staged (invisible) until the compaction commits; when another commit
 * lands meanwhile, the compaction commits on top of it, and a partition whose files that commit replaced or removed
 * is skipped (its new files discarded), never merged back. The replaced files move to {@code _lake/retired/}, as an
 * {@link WriteMode#OVERWRITE}'s do, where older versions' readers still find them until {@link Lake#expire} deletes
 * them. A run report is written to {@code _lake/runs/compact.<zone>.<dataset>/} (not for a dry run).
 *
 * <pre>{@code
 * CompactionResult r = lake.compaction("online_retail")
 *     .targetFileBytes(128L << 20)           // the default: LakeSink.DEFAULT_TARGET_FILE_BYTES
 *     .partition("year", "2011")             // optional: only these partitions
 *     .run();                                // .dryRun().run() reports the plan and writes nothing
 * System.out.println(r.summary());
 * }</pre>
 */
public final class Compaction {
  private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);

  private final Lake lake;
  private final String dataset;
  private final long targetFileBytes;
  private final Map<String, String> partition;
  private final Compression compression;
  private final boolean dryRun;
  private final Consumer<CompactionResult.PartitionResult> listener;

  Compaction(Lake lake, String dataset) {
    this(lake, dataset, LakeSink.DEFAULT_TARGET_FILE_BYTES, Map.of(), null, false, p -> { });
  }

  private Compaction(Lake lake, String dataset, long targetFileBytes, Map<String, String> partition,
      Compression compression, boolean dryRun, Consumer<CompactionResult.PartitionResult> listener) {
    this.lake = lake;
    this.dataset = dataset;
    this.targetFileBytes = targetFileBytes;
    this.partition = partition;
    this.compression = compression;
    this.dryRun = dryRun;
    this.listener = listener;
  }

  /** New files roll at about this size; files under 3/4 of it count as small. */
  public Compaction targetFileBytes(long bytes) {
    ValidationException.check(bytes >= 1024, "targetFileBytes must be at least 1024 but was %s", bytes);
    return copy(c -> c.targetFileBytes = bytes);
  }

  /**
   * Only partitions where {@code column} has {@code value} (the directory value, unencoded; {@code
   * __HIVE_DEFAULT_PARTITION__} for null). Called again with other columns, all must match.
   */
  public Compaction partition(String column, String value) {
    ValidationException.check(column != null && !column.isBlank(), "A partition column name is required");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>(partition);
    copy.put(column, value);
    return copy(c -> c.partition = Map.copyOf(copy));
  }

  /** The codec of the new files; by default the one the partition's first small file was written with. */
  public Compaction compression(Compression codec) {
    return copy(c -> c.compression = Objects.requireNonNull(codec, "codec"));
  }

  /** Plans only: reports what would be rewritten, writes and commits nothing. */
  public Compaction dryRun() {
    return copy(c -> c.dryRun = true);
  }

  /**
   * Called after each partition's new files are written (before the commit), with what was written: for progress
   * output. On a dry run it is not called.
   */
  public Compaction onPartitionWritten(Consumer<CompactionResult.PartitionResult> partitionListener) {
    return copy(c -> c.listener = Objects.requireNonNull(partitionListener, "partitionListener"));
  }

  /**
   * Compacts.
   *
   * @throws ValidationException when the dataset has no commit, or the partition selection names a column the
   *     dataset is not partitioned by or matches no file
   * @throws dev.lake.exceptions.CommitStateUnknownException when the store failed during the commit; run again
   * @throws dev.lake.exceptions.PublishIncompleteException when the compaction committed but publishing it failed;
   *     the next compaction or commit on the dataset publishes it
   * @throws dev.lake.exceptions.LakeException when reading or writing files failed; nothing was committed
   */
  public CompactionResult run() {
    Compactor.Result r = new Compactor(lake.location(), dataset, targetFileBytes, partition, compression)
        .run(dryRun, p -> listener.accept(partitionResult(p)));
    CompactionResult result = CompactionResult.builder().dataset(r.dataset()).runId(r.runId()).dryRun(r.dryRun())
        .versionBefore(r.versionBefore()).versionAfter(r.versionAfter()).targetFileBytes(r.targetFileBytes())
        .partitions(r.partitions().stream().map(Compaction::partitionResult).toList()).filesKept(r.filesKept())
        .duration(r.duration()).build();
    if (!r.dryRun()) {
      LOG.info(result.summary());
    }
    return result;
  }

  private static CompactionResult.PartitionResult partitionResult(Compactor.PartitionResult p) {
    return CompactionResult.PartitionResult.builder().partition(p.partition()).filesBefore(p.filesBefore())
        .bytesBefore(p.bytesBefore()).filesAfter(p.filesAfter()).bytesAfter(p.bytesAfter()).rows(p.rows())
        .skipped(p.skipped()).build();
  }

  @Override
  public String toString() {
    return "Compaction(" + lake.root() + dataset + ", target " + targetFileBytes + " bytes"
        + (partition.isEmpty() ? "" : ", " + partition) + (dryRun ? ", dry run" : "") + ")";
  }

  private Compaction copy(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a Compaction, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy {
    private Lake lake;
    private String dataset;
    private long targetFileBytes;
    private Map<String, String> partition;
    private Compression compression;
    private boolean dryRun;
    private Consumer<CompactionResult.PartitionResult> listener;

    private Copy(Compaction original) {
      lake = original.lake;
      dataset = original.dataset;
      targetFileBytes = original.targetFileBytes;
      partition = original.partition;
      compression = original.compression;
      dryRun = original.dryRun;
      listener = original.listener;
    }

    private Compaction build() {
      return new Compaction(lake, dataset, targetFileBytes, partition, compression, dryRun, listener);
    }
  }
}
