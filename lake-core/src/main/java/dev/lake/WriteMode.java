package dev.lake;

/**
 * How a commit changes a dataset. Every mode is atomic for readers that follow the manifests, and idempotent: the
 * same input committed twice leaves one copy.
 *
 * <p>A run that writes no rows: {@link #APPEND} and {@link #OVERWRITE_PARTITIONS} commit nothing (no new manifest
 * version; the run report says the sink is unchanged), since the dataset would be the same. {@link #OVERWRITE}
 * commits a new, empty version: that is how a dataset is emptied on purpose.
 *
 * <pre>{@code
 * lake.processed("sales").mode(WriteMode.OVERWRITE_PARTITIONS).partitionBy("year", "month");
 * }</pre>
 */
public enum WriteMode {
  /** Adds the run's files. Input already committed (its splits are in the dataset's ledger) is skipped, not added. */
  APPEND,
  /** Replaces the whole dataset with the run's files; a run of no rows leaves the dataset empty. */
  OVERWRITE,
  /** Replaces only the partitions the run wrote; other partitions stay (a run of no rows changes nothing). */
  OVERWRITE_PARTITIONS
}
