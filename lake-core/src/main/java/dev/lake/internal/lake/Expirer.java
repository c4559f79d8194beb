package dev.lake.internal.lake;

import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.DataFile;
import dev.lake.io.ObjectInfo;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expires a dataset's old versions ({@link dev.lake.Expiry} is the public entry). Retained versions are a suffix of
 * the history: the newest {@code retainLast}, and every version written within {@code olderThan}. A file that version
 * R removed was last listed by version R-1, so once the oldest retained version O is at least R no retained version
 * lists it: the files removed by versions up to O are deleted (from {@code _lake/retired/}, and from the dataset if a
 * crash left them there), then the expired version files. Deleting in that order, a crash leaves nothing a retained
 * version needs deleted, and the next expiry finishes the rest.
 *
 * <pre>{@code
 * Expirer.Result r = new Expirer(lake, "processed/sales", Duration.ofHours(24), 10).run(false);
 * }</pre>
 */
public final class Expirer {

  private final LakeRoot lake;
  private final String dataset;
  private final Duration olderThan;
  private final int retainLast;
  private final ManifestStore manifests;

  public Expirer(LakeRoot lake, String dataset, Duration olderThan, int retainLast) {
    this.lake = lake;
    this.dataset = dataset;
    this.olderThan = olderThan;
    this.retainLast = retainLast;
    this.manifests = ManifestStore.of(lake);
  }

  /**
   * What an expiry did (or, dry, would do), engine-side: {@code dev.lake.Expiry} makes the public
   * {@code ExpiryResult} of it.
   *
   * @param dataset the dataset's path
   * @param dryRun nothing was deleted
   * @param versionsBefore the versions before
   * @param expiredVersions the versions expired, oldest first
   * @param oldestRetained the oldest version kept
   * @param filesDeleted replaced files deleted
   * @param bytesDeleted their bytes
   * @param deadRunsDiscarded dead runs whose staged files were discarded
   * @param duration how long it took
   */
  public record Result(String dataset, boolean dryRun, int versionsBefore, List<Long> expiredVersions,
      long oldestRetained, int filesDeleted, long bytesDeleted, int deadRunsDiscarded, Duration duration) {}

  public Result run(boolean dryRun) {
    Instant started = Instant.now();
    try {
      List<ObjectInfo> versions = manifests.versions(dataset);
      if (versions.isEmpty()) {
        throw new ValidationException("Cannot expire " + dataset + ": it has no commit under " + lake.root()
            + " (lake ls lists the committed datasets)");
      }
      int keepFrom = keepFrom(versions, started.minus(olderThan));
      List<Manifest> oldest = new ArrayList<>();
      for (int i = 0; i <= keepFrom; i++) {
        oldest.add(manifests.version(dataset, versionOf(versions.get(i))).orElseThrow());
      }
      Manifest newest = keepFrom == versions.size() - 1 ? oldest.get(keepFrom)
          : manifests.latest(dataset).orElseThrow();
      Map<String, Long> sizes = new HashMap<>();
      Set<String> doomed = new LinkedHashSet<>();
      for (Manifest m : oldest) {
        m.files().forEach(f -> sizes.put(f.path(), f.bytes()));
        doomed.addAll(m.removed());
      }
      Set<String> live = new HashSet<>();
      newest.files().forEach(f -> live.add(f.path()));
      doomed.removeAll(live);
      List<Long> expired = oldest.subList(0, keepFrom).stream().map(Manifest::version).toList();
      long bytes = doomed.stream().mapToLong(p -> sizes.getOrDefault(p, 0L)).sum();
      int dead = 0;
      if (!dryRun) {
        List<URI> files = new ArrayList<>();
        for (String path : doomed) {
          files.add(manifests.retiredUri(dataset, path));
          files.add(manifests.fileUri(dataset, path)); // a crash before its retirement left it in place
        }
        lake.store().deleteAll(files);
        lake.store().deleteAll(versions.subList(0, keepFrom).stream().map(ObjectInfo::uri).toList());
        dead = Leftovers.cleanUp(manifests, "expire", dataset, started);
        Leftovers.cleanScratch(manifests, dataset, started);
        deleteUnlistedSegments(versions.subList(keepFrom, versions.size()), started);
      }
      return new Result(dataset, dryRun, versions.size(), expired, oldest.get(keepFrom).version(), doomed.size(),
          bytes, dead, Duration.between(started, Instant.now()));
    } catch (IOException e) {
      throw new LakeException("Expiring " + dataset + " failed: " + e.getMessage() + ". Versions and files deleted "
          + "so far stay deleted (none that a retained version lists); run it again for the rest.", e);
    }
  }

  /**
   * Deletes segments no retained version lists: those only expired versions listed, and those of commits that lost
   * their race (never listed). A segment younger than a day may be a commit's in flight, not listed yet: kept.
   */
  private void deleteUnlistedSegments(List<ObjectInfo> retained, Instant now) throws IOException {
    Set<String> listed = new HashSet<>();
    for (ObjectInfo v : retained) {
      manifests.readStored(v.uri()).segments().forEach(r -> listed.add(r.name() + ".json"));
    }
    Instant deadBefore = now.minus(ManifestStore.ORPHAN_AGE);
    Segments segments = new Segments(manifests);
    lake.store().deleteAll(lake.store().list(segments.directory(dataset), false).stream()
        .filter(o -> !listed.contains(o.fileName()) && o.lastModified().isBefore(deadBefore))
        .map(ObjectInfo::uri).toList());
  }

  /** The index of the oldest retained version: the newest {@code retainLast}, and all written after the cutoff. */
  private int keepFrom(List<ObjectInfo> versions, Instant cutoff) {
    int keepFrom = Math.max(0, versions.size() - retainLast);
    for (int i = 0; i < keepFrom; i++) {
      if (!versions.get(i).lastModified().isBefore(cutoff)) {
        return i;
      }
    }
    return keepFrom;
  }

  private static long versionOf(ObjectInfo info) {
    return Long.parseLong(info.fileName().substring(1, 21));
  }

  static List<String> paths(List<DataFile> files) {
    return files.stream().map(DataFile::path).toList();
  }
}
