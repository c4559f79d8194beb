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
 */
public final class ExpiryResult {
  private final String dataset;
  private final boolean dryRun;
  private final int versionsBefore;
  private final List<Long> expiredVersions;
  private final long oldestRetained;
  private final int filesDeleted;
  private final long bytesDeleted;
  private final int deadRunsDiscarded;
  private final Duration duration;

  private ExpiryResult(Builder b) {
    dataset = b.dataset;
    dryRun = b.dryRun;
    versionsBefore = b.versionsBefore;
    expiredVersions = List.copyOf(java.util.Objects.requireNonNull(b.expiredVersions, "expiredVersions"));
    oldestRetained = b.oldestRetained;
    filesDeleted = b.filesDeleted;
    bytesDeleted = b.bytesDeleted;
    deadRunsDiscarded = b.deadRunsDiscarded;
    duration = b.duration;
  }

  /** A builder: every value starts at zero, false, empty or null. */
  public static Builder builder() {
    return new Builder();
  }

  /** The dataset path. */
  public String dataset() {
    return dataset;
  }

  /** True when nothing was deleted. */
  public boolean dryRun() {
    return dryRun;
  }

  /** How many versions were retained before. */
  public int versionsBefore() {
    return versionsBefore;
  }

  /** The version numbers expired, oldest first. */
  public List<Long> expiredVersions() {
    return expiredVersions;
  }

  /** The oldest version kept. */
  public long oldestRetained() {
    return oldestRetained;
  }

  /** Replaced files deleted (no retained version lists them). */
  public int filesDeleted() {
    return filesDeleted;
  }

  /** Their bytes. */
  public long bytesDeleted() {
    return bytesDeleted;
  }

  /** Runs whose staged files were discarded as provably dead. */
  public int deadRunsDiscarded() {
    return deadRunsDiscarded;
  }

  /** How long it took. */
  public Duration duration() {
    return duration;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExpiryResult other)) {
      return false;
    }
    return java.util.Objects.equals(dataset, other.dataset) && dryRun == other.dryRun
        && versionsBefore == other.versionsBefore && java.util.Objects.equals(expiredVersions, other.expiredVersions)
        && oldestRetained == other.oldestRetained && filesDeleted == other.filesDeleted
        && bytesDeleted == other.bytesDeleted && deadRunsDiscarded == other.deadRunsDiscarded
        && java.util.Objects.equals(duration, other.duration);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(dataset, dryRun, versionsBefore, expiredVersions, oldestRetained, filesDeleted,
        bytesDeleted, deadRunsDiscarded, duration);
  }

  @Override
  public String toString() {
    return "ExpiryResult[dataset=" + dataset + ", dryRun=" + dryRun + ", versionsBefore=" + versionsBefore
        + ", expiredVersions=" + expiredVersions + ", oldestRetained=" + oldestRetained
        + ", filesDeleted=" + filesDeleted + ", bytesDeleted=" + bytesDeleted
        + ", deadRunsDiscarded=" + deadRunsDiscarded + ", duration=" + duration + "]";
  }

  /** Builds a {@link ExpiryResult}; Lake builds them, a test of your own may too. */
  public static final class Builder {
    private String dataset;
    private boolean dryRun;
    private int versionsBefore;
    private List<Long> expiredVersions = List.of();
    private long oldestRetained;
    private int filesDeleted;
    private long bytesDeleted;
    private int deadRunsDiscarded;
    private Duration duration = Duration.ZERO;

    private Builder() {}

    /** Sets {@link ExpiryResult#dataset()}. */
    public Builder dataset(String value) {
      this.dataset = value;
      return this;
    }

    /** Sets {@link ExpiryResult#dryRun()}. */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /** Sets {@link ExpiryResult#versionsBefore()}. */
    public Builder versionsBefore(int value) {
      this.versionsBefore = value;
      return this;
    }

    /** Sets {@link ExpiryResult#expiredVersions()}. */
    public Builder expiredVersions(List<Long> value) {
      this.expiredVersions = value;
      return this;
    }

    /** Sets {@link ExpiryResult#oldestRetained()}. */
    public Builder oldestRetained(long value) {
      this.oldestRetained = value;
      return this;
    }

    /** Sets {@link ExpiryResult#filesDeleted()}. */
    public Builder filesDeleted(int value) {
      this.filesDeleted = value;
      return this;
    }

    /** Sets {@link ExpiryResult#bytesDeleted()}. */
    public Builder bytesDeleted(long value) {
      this.bytesDeleted = value;
      return this;
    }

    /** Sets {@link ExpiryResult#deadRunsDiscarded()}. */
    public Builder deadRunsDiscarded(int value) {
      this.deadRunsDiscarded = value;
      return this;
    }

    /** Sets {@link ExpiryResult#duration()}. */
    public Builder duration(Duration value) {
      this.duration = value;
      return this;
    }

    /** The {@link ExpiryResult} of the values set. */
    public ExpiryResult build() {
      return new ExpiryResult(this);
    }
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
