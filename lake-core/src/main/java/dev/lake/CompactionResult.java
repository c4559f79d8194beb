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
 */
public final class CompactionResult {
  private final String dataset;
  private final String runId;
  private final boolean dryRun;
  private final long versionBefore;
  private final long versionAfter;
  private final long targetFileBytes;
  private final List<PartitionResult> partitions;
  private final int filesKept;
  private final Duration duration;

  private CompactionResult(Builder b) {
    dataset = b.dataset;
    runId = b.runId;
    dryRun = b.dryRun;
    versionBefore = b.versionBefore;
    versionAfter = b.versionAfter;
    targetFileBytes = b.targetFileBytes;
    partitions = List.copyOf(java.util.Objects.requireNonNull(b.partitions, "partitions"));
    filesKept = b.filesKept;
    duration = b.duration;
  }

  /** A builder: every value starts at zero, false, empty or null. */
  public static Builder builder() {
    return new Builder();
  }

  /** The dataset path, e.g. {@code processed/online_retail}. */
  public String dataset() {
    return dataset;
  }

  /** The compaction's run id (its report is {@code _lake/runs/compact.<zone>.<name>/<runId>.json}). */
  public String runId() {
    return runId;
  }

  /** True when nothing was written: {@code filesAfter} and {@code bytesAfter} are then estimates. */
  public boolean dryRun() {
    return dryRun;
  }

  /** The version compacted. */
  public long versionBefore() {
    return versionBefore;
  }

  /** The version the compaction committed; equal to {@code versionBefore} when it committed nothing. */
  public long versionAfter() {
    return versionAfter;
  }

  /** The size new files were rolled at. */
  public long targetFileBytes() {
    return targetFileBytes;
  }

  /** The partitions with small files to rewrite, in manifest order. */
  public List<PartitionResult> partitions() {
    return partitions;
  }

  /** Files left as they were (big enough, alone in their partition, or outside the selection). */
  public int filesKept() {
    return filesKept;
  }

  /** How long it took. */
  public Duration duration() {
    return duration;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CompactionResult other)) {
      return false;
    }
    return java.util.Objects.equals(dataset, other.dataset) && java.util.Objects.equals(runId, other.runId)
        && dryRun == other.dryRun && versionBefore == other.versionBefore && versionAfter == other.versionAfter
        && targetFileBytes == other.targetFileBytes && java.util.Objects.equals(partitions, other.partitions)
        && filesKept == other.filesKept && java.util.Objects.equals(duration, other.duration);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(dataset, runId, dryRun, versionBefore, versionAfter, targetFileBytes, partitions,
        filesKept, duration);
  }

  @Override
  public String toString() {
    return "CompactionResult[dataset=" + dataset + ", runId=" + runId + ", dryRun=" + dryRun
        + ", versionBefore=" + versionBefore + ", versionAfter=" + versionAfter
        + ", targetFileBytes=" + targetFileBytes + ", partitions=" + partitions + ", filesKept=" + filesKept
        + ", duration=" + duration + "]";
  }

  /** Builds a {@link CompactionResult}; Lake builds them, a test of your own may too. */
  public static final class Builder {
    private String dataset;
    private String runId;
    private boolean dryRun;
    private long versionBefore;
    private long versionAfter;
    private long targetFileBytes;
    private List<PartitionResult> partitions = List.of();
    private int filesKept;
    private Duration duration = Duration.ZERO;

    private Builder() {}

    /** Sets {@link CompactionResult#dataset()}. */
    public Builder dataset(String value) {
      this.dataset = value;
      return this;
    }

    /** Sets {@link CompactionResult#runId()}. */
    public Builder runId(String value) {
      this.runId = value;
      return this;
    }

    /** Sets {@link CompactionResult#dryRun()}. */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /** Sets {@link CompactionResult#versionBefore()}. */
    public Builder versionBefore(long value) {
      this.versionBefore = value;
      return this;
    }

    /** Sets {@link CompactionResult#versionAfter()}. */
    public Builder versionAfter(long value) {
      this.versionAfter = value;
      return this;
    }

    /** Sets {@link CompactionResult#targetFileBytes()}. */
    public Builder targetFileBytes(long value) {
      this.targetFileBytes = value;
      return this;
    }

    /** Sets {@link CompactionResult#partitions()}. */
    public Builder partitions(List<PartitionResult> value) {
      this.partitions = value;
      return this;
    }

    /** Sets {@link CompactionResult#filesKept()}. */
    public Builder filesKept(int value) {
      this.filesKept = value;
      return this;
    }

    /** Sets {@link CompactionResult#duration()}. */
    public Builder duration(Duration value) {
      this.duration = value;
      return this;
    }

    /** The {@link CompactionResult} of the values set. */
    public CompactionResult build() {
      return new CompactionResult(this);
    }
  }

  /** One partition's rewrite. */
  public static final class PartitionResult {
    private final Map<String, String> partition;
    private final int filesBefore;
    private final long bytesBefore;
    private final int filesAfter;
    private final long bytesAfter;
    private final long rows;
    private final String skipped;

    private PartitionResult(Builder b) {
      // in the partition's column order; a value may be null (a null partition)
      partition = java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>(java.util.Objects.requireNonNull(b.partition, "partition")));
      filesBefore = b.filesBefore;
      bytesBefore = b.bytesBefore;
      filesAfter = b.filesAfter;
      bytesAfter = b.bytesAfter;
      rows = b.rows;
      skipped = b.skipped;
    }

    /** A builder: every value starts at zero, false, empty or null. */
    public static Builder builder() {
      return new Builder();
    }

    /** The partition values (empty for an unpartitioned dataset). */
    public Map<String, String> partition() {
      return partition;
    }

    /** Small files read. */
    public int filesBefore() {
      return filesBefore;
    }

    /** Their bytes. */
    public long bytesBefore() {
      return bytesBefore;
    }

    /** Files written (estimated on a dry run). */
    public int filesAfter() {
      return filesAfter;
    }

    /** Their bytes (estimated on a dry run). */
    public long bytesAfter() {
      return bytesAfter;
    }

    /** Rows rewritten. */
    public long rows() {
      return rows;
    }

    /** Why the rewrite was not committed (another commit changed the partition meanwhile), or null. */
    public String skipped() {
      return skipped;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof PartitionResult other)) {
        return false;
      }
      return java.util.Objects.equals(partition, other.partition) && filesBefore == other.filesBefore
          && bytesBefore == other.bytesBefore && filesAfter == other.filesAfter && bytesAfter == other.bytesAfter
          && rows == other.rows && java.util.Objects.equals(skipped, other.skipped);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(partition, filesBefore, bytesBefore, filesAfter, bytesAfter, rows, skipped);
    }

    @Override
    public String toString() {
      return "PartitionResult[partition=" + partition + ", filesBefore=" + filesBefore
          + ", bytesBefore=" + bytesBefore + ", filesAfter=" + filesAfter + ", bytesAfter=" + bytesAfter
          + ", rows=" + rows + ", skipped=" + skipped + "]";
    }

    /** Builds a {@link PartitionResult}; Lake builds them, a test of your own may too. */
    public static final class Builder {
      private Map<String, String> partition = Map.of();
      private int filesBefore;
      private long bytesBefore;
      private int filesAfter;
      private long bytesAfter;
      private long rows;
      private String skipped;

      private Builder() {}

      /** Sets {@link PartitionResult#partition()}. */
      public Builder partition(Map<String, String> value) {
        this.partition = value;
        return this;
      }

      /** Sets {@link PartitionResult#filesBefore()}. */
      public Builder filesBefore(int value) {
        this.filesBefore = value;
        return this;
      }

      /** Sets {@link PartitionResult#bytesBefore()}. */
      public Builder bytesBefore(long value) {
        this.bytesBefore = value;
        return this;
      }

      /** Sets {@link PartitionResult#filesAfter()}. */
      public Builder filesAfter(int value) {
        this.filesAfter = value;
        return this;
      }

      /** Sets {@link PartitionResult#bytesAfter()}. */
      public Builder bytesAfter(long value) {
        this.bytesAfter = value;
        return this;
      }

      /** Sets {@link PartitionResult#rows()}. */
      public Builder rows(long value) {
        this.rows = value;
        return this;
      }

      /** Sets {@link PartitionResult#skipped()}. */
      public Builder skipped(String value) {
        this.skipped = value;
        return this;
      }

      /** The {@link PartitionResult} of the values set. */
      public PartitionResult build() {
        return new PartitionResult(this);
      }
    }
  }

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
