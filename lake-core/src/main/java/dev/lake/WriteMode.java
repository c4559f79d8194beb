package dev.lake;

/**
 * How a commit changes a dataset. Every mode is atomic for readers that follow the manifests, and idempotent: the
 * same input committed twice leaves one copy.
 *
 * <pre>{@code
 * lake.processed("sales").mode(WriteMode.OVERWRITE_PARTITIONS).partitionBy("year", "month");
 * }</pre>
 */
public enum WriteMode {
  /** Adds the run's files. Re-committing the same input (same commit key) replaces that input's earlier files. */
  APPEND,
  /** Replaces the whole dataset with the run's files. */
  OVERWRITE,
  /** Replaces only the partitions the run wrote; other partitions stay. */
  OVERWRITE_PARTITIONS
}
