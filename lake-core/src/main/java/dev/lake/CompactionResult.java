package dev.lake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Compaction} did (or, for a dry run, would do): per partition, the small files it rewrote and the files
 * that replaced them, and the dataset version before and after.
 *
 * <pre>{@code
 * CompactionResult r = lake.compaction("online_retail").run();
 * System.out.println(r.summary());   // processed/online_retail: 26 files (1.2 MB) -> 13 files ... v1 -> v2
 * }</pre>
 *
 * @param dataset the dataset path, e.g. {@code processed/online_retail}
 * @param runId the compaction's run id (its report is {@code _lake/runs/compact.<zone>.<name>/<runId>.json})
 * @param dryRun true when nothing was written: {@code filesAfter} and {@code bytesAfter} are then estimates
 * @param versionBefore the version compacted
 * @param versionAfter the version the compaction committed; equal to {@code versionBefore} when it committed nothing
 * @param targetFileBytes the size new files were rolled at
 * @param partitions the partitions with small files to rewrite, in manifest order
 * @param filesKept files left as they were (big enough, alone in their partition, or outside the selection)
 * @param duration how long it took
 */
public record CompactionResult(String dataset, String runId, boolean dryRun, long versionBefore, long versionAfter,
    long targetFileBytes, List<PartitionResult> partitions, int filesKept, Duration duration) {

  public CompactionResult {
    partitions = List.copyOf(partitions);
  }

  /**
   * One partition's rewrite.
   *
   * @param partition the partition values (empty for an unpartitioned dataset)
   * @param filesBefore small files read
   * @param bytesBefore their bytes
   * @param filesAfter files written (estimated on a dry run)
   * @param bytesAfter their bytes (estimated on a dry run)
   * @param rows rows rewritten
   * @param skipped why the rewrite was not committed (another commit changed the partition meanwhile), or null
   */
  public record PartitionResult(Map<String, String> partition, int filesBefore, long bytesBefore, int filesAfter,
      long bytesAfter, long rows, String skipped) {}

  /** True when a new version was committed. */
  public boolean committed() {
    return versionAfter != versionBefore;
  }

  /** Small files replaced (or, on a dry run, to be replaced), skipped partitions excluded. */
  public int filesBefore() {
    return applied().mapToInt(PartitionResult::filesBefore).sum();
  }

  /** Files that replaced them. */
  public int filesAfter() {
    return applied().mapToInt(PartitionResult::filesAfter).sum();
  }

  /** Rows rewritten. */
  public long rows() {
    return applied().mapToLong(PartitionResult::rows).sum();
  }

  private java.util.stream.Stream<PartitionResult> applied() {
    return partitions.stream().filter(p -> p.skipped() == null);
  }

  /** One line for logs and terminals. */
  public String summary() {
    long bytesBefore = applied().mapToLong(PartitionResult::bytesBefore).sum();
    long bytesAfter = applied().mapToLong(PartitionResult::bytesAfter).sum();
    long skipped = partitions.size() - applied().count();
    String verb = dryRun ? "would rewrite" : "rewrote";
    StringBuilder sb = new StringBuilder(dataset).append(": ");
    if (partitions.isEmpty()) {
      sb.append("nothing to compact (no partition has two or more files under 3/4 of the target)");
    } else {
      sb.append(String.format("%s %,d files (%,d bytes) in %,d partitions into %s%,d files (%,d bytes), %,d rows",
          verb, filesBefore(), bytesBefore, partitions.size() - skipped, dryRun ? "about " : "", filesAfter(),
          bytesAfter, rows()));
    }
    sb.append(String.format("; %,d files kept", filesKept));
    if (skipped > 0) {
      sb.append(String.format("; %,d partitions skipped (changed by another commit meanwhile)", skipped));
    }
    sb.append(committed() ? "; v" + versionBefore + " -> v" + versionAfter : "; still v" + versionBefore);
    return sb.append(String.format(" in %.1f s", duration.toMillis() / 1000.0)).toString();
  }
}
