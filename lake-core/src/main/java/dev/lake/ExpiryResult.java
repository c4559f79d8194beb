package dev.lake;

import java.time.Duration;
import java.util.List;

/**
 * What an {@link Expiry} did (or, for a dry run, would do).
 *
 * <pre>{@code
 * ExpiryResult r = lake.expire("online_retail");
 * System.out.println(r.summary());   // processed/online_retail: 3 of 14 versions expired (v1-v3), 12 files deleted ...
 * }</pre>
 *
 * @param dataset the dataset path
 * @param dryRun true when nothing was deleted
 * @param versionsBefore how many versions were retained before
 * @param expiredVersions the version numbers expired, oldest first
 * @param oldestRetained the oldest version kept
 * @param filesDeleted replaced files deleted (no retained version lists them)
 * @param bytesDeleted their bytes
 * @param deadRunsDiscarded runs whose staged files were discarded as provably dead
 * @param duration how long it took
 */
public record ExpiryResult(String dataset, boolean dryRun, int versionsBefore, List<Long> expiredVersions,
    long oldestRetained, int filesDeleted, long bytesDeleted, int deadRunsDiscarded, Duration duration) {
  public ExpiryResult {
    expiredVersions = List.copyOf(expiredVersions);
  }

  /** One line for logs and terminals. */
  public String summary() {
    String expired = expiredVersions.isEmpty() ? "no version expired"
        : String.format("%,d of %,d versions %s (v%d-v%d)", expiredVersions.size(), versionsBefore,
            dryRun ? "would expire" : "expired", expiredVersions.get(0),
            expiredVersions.get(expiredVersions.size() - 1));
    return String.format("%s: %s, %,d replaced files (%,d bytes) %s, oldest version kept v%d%s in %.1f s", dataset,
        expired, filesDeleted, bytesDeleted, dryRun ? "to delete" : "deleted", oldestRetained,
        deadRunsDiscarded == 0 ? "" : String.format(", staged files of %d dead run(s) discarded", deadRunsDiscarded),
        duration.toMillis() / 1000.0);
  }
}
