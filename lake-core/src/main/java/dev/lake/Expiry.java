package dev.lake;

import dev.lake.exceptions.ValidationException;
import dev.lake.internal.lake.Expirer;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires old versions of a dataset and deletes the files only they list. A version is retained while it is among the
 * newest {@link #retainLast} or younger than {@link #olderThan} (both by default: 10 versions and 24 hours, enough
 * for a long query or a Redshift COPY that started on an older version). Files that an overwrite or a compaction
 * replaced wait under {@code _lake/retired/} while a retained version lists them, and are deleted once none does;
 * committed files of the newest version are never touched. Staged files of runs that provably died (older than a
 * day, no commit names them) are discarded too. Immutable: every option returns a copy; {@link #run()} does the work.
 *
 * <pre>{@code
 * ExpiryResult r = lake.expiry("online_retail")
 *     .olderThan(Duration.ofHours(24))     // the default
 *     .retainLast(10)                      // the default
 *     .run();                              // .dryRun().run() reports and deletes nothing
 * System.out.println(r.summary());
 * }</pre>
 */
public final class Expiry {
  private static final Logger LOG = LoggerFactory.getLogger(Expiry.class);
  /** Versions younger than this are kept by default. */
  public static final Duration DEFAULT_OLDER_THAN = Duration.ofHours(24);
  /** The newest versions always kept by default. */
  public static final int DEFAULT_RETAIN_LAST = 10;

  private final Lake lake;
  private final String dataset;
  private final Duration olderThan;
  private final int retainLast;
  private final boolean dryRun;

  Expiry(Lake lake, String dataset) {
    this(lake, dataset, DEFAULT_OLDER_THAN, DEFAULT_RETAIN_LAST, false);
  }

  private Expiry(Lake lake, String dataset, Duration olderThan, int retainLast, boolean dryRun) {
    this.lake = lake;
    this.dataset = dataset;
    this.olderThan = olderThan;
    this.retainLast = retainLast;
    this.dryRun = dryRun;
  }

  /** Versions committed within this time are kept, however many there are. */
  public Expiry olderThan(Duration age) {
    Objects.requireNonNull(age, "age");
    ValidationException.check(!age.isNegative(), "olderThan must not be negative but was %s", age);
    return new Expiry(lake, dataset, age, retainLast, dryRun);
  }

  /** The newest this many versions are kept, however old (at least 1: the newest version is never expired). */
  public Expiry retainLast(int versions) {
    ValidationException.check(versions >= 1, "retainLast must be at least 1 (the newest version) but was %s",
        versions);
    return new Expiry(lake, dataset, olderThan, versions, dryRun);
  }

  /** Reports what would be expired and deleted; deletes nothing. */
  public Expiry dryRun() {
    return new Expiry(lake, dataset, olderThan, retainLast, true);
  }

  /**
   * Expires.
   *
   * @throws ValidationException when the dataset has no commit
   * @throws dev.lake.exceptions.LakeException when the store failed; what was deleted stays deleted, the rest is
   *     deleted by the next expiry
   */
  public ExpiryResult run() {
    Expirer.Result r = new Expirer(lake.location(), dataset, olderThan, retainLast).run(dryRun);
    ExpiryResult result = ExpiryResult.builder().dataset(r.dataset()).dryRun(r.dryRun())
        .versionsBefore(r.versionsBefore()).expiredVersions(r.expiredVersions()).oldestRetained(r.oldestRetained())
        .filesDeleted(r.filesDeleted()).bytesDeleted(r.bytesDeleted()).deadRunsDiscarded(r.deadRunsDiscarded())
        .duration(r.duration()).build();
    LOG.info(result.summary());
    return result;
  }

  @Override
  public String toString() {
    return "Expiry(" + lake.root() + dataset + ", older than " + olderThan + ", retain last " + retainLast
        + (dryRun ? ", dry run" : "") + ")";
  }
}
