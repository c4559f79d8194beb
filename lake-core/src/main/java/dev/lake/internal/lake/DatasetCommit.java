package dev.lake.internal.lake;

import dev.lake.exceptions.CommitFailedException;
import dev.lake.io.DataFile;
import dev.lake.io.ObjectStore;
import dev.lake.io.StagedObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one committed {@link Publication} into its dataset, idempotently, so that the committing run, a later
 * run of its pipeline or the next commit on the dataset can each do it after a crash: publish the staged files, then
 * create the next manifest version (a conditional create, on top of whatever version is newest: concurrent commits by
 * other pipelines or compactions rebase here), then retire the files the version replaced to
 * {@code _lake/retired/<dataset>/}. A version records, per pipeline, the newest state version it holds, so a
 * publication already in the dataset is never added twice.
 *
 * <pre>{@code
 * DatasetCommit.Result r = new DatasetCommit(ManifestStore.of(lake)).publish("online-retail", 7, runId, publication);
 * }</pre>
 */
public final class DatasetCommit {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetCommit.class);
  private static final int MAX_ATTEMPTS = 10;

  private final ManifestStore manifests;
  private final ObjectStore store;

  public DatasetCommit(ManifestStore manifests) {
    this.manifests = manifests;
    this.store = manifests.store();
  }

  /**
   * The version holding a publication ({@code unchanged} when there was nothing to publish: {@code version} is then
   * the dataset's current one, or null), and the compaction groups skipped because their inputs had changed.
   */
  public record Result(Manifest version, boolean unchanged, int swapsSkipped) {}

  /** Publishes {@code pub}, committed as {@code stateVersion} of {@code pipeline} by {@code runId}. */
  public Result publish(String pipeline, long stateVersion, String runId, Publication pub) throws IOException {
    String dataset = pub.dataset();
    if (pub.isEmpty()) {
      return new Result(manifests.latest(dataset).orElse(null), true, 0);
    }
    Set<String> publishedHere = new HashSet<>();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<Manifest> latest = manifests.latest(dataset);
      if (latest.isPresent() && stateVersion > 0 && latest.get().publishedVersion(pipeline) >= stateVersion) {
        Manifest holder = holder(dataset, latest.get(), pipeline, runId);
        finish(dataset, holder, pub, publishedHere);
        return new Result(holder, false, 0);
      }
      NextVersion next = NextVersion.of(latest.orElse(null), pub, pipeline, stateVersion, runId);
      if (next.manifest().added().isEmpty() && next.manifest().removed().isEmpty()
          && !"OVERWRITE".equals(pub.mode())) {
        // every compaction group lost to another commit, or the same files published again
        unpublish(pub, next.inapplicable(), publishedHere);
        return new Result(latest.orElse(null), true, pub.replaces().size());
      }
      unpublish(pub, next.inapplicable(), publishedHere);
      List<StagedObject> toPublish = new ArrayList<>();
      for (String path : next.manifest().added()) {
        if (publishedHere.add(path)) {
          toPublish.add(staged(pub, path));
        }
      }
      ParallelIo.forEach(toPublish, store::publish);
      if (manifests.create(next.manifest(), latest.orElse(null))) {
        finish(dataset, next.manifest(), pub, publishedHere);
        return new Result(next.manifest(), false, next.inapplicable().size() > 0 ? skippedSwaps(pub, next) : 0);
      }
      LOG.info("{} version {} was published by another commit; publishing {} on top of it", dataset,
          next.manifest().version(), runId);
    }
    throw new CommitFailedException("Run " + runId + " of " + pipeline + " is committed, but publishing it into "
        + dataset + " lost " + MAX_ATTEMPTS + " races to other commits; the next run of the pipeline (or the next "
        + "commit on the dataset) publishes it", null);
  }

  /**
   * Publishes {@code pub} outside any pipeline state (a direct {@code Sink.commit}): a committed marker is the
   * decision, so a crash before the version exists is rolled forward by the next commit on the dataset. Appending
   * the same files twice keeps one copy (a version lists a path once).
   */
  public Result publishDirect(String committer, String runId, Publication pub) throws IOException {
    PendingMarkers markers = new PendingMarkers(manifests);
    markers.write(new PendingMarkers.Marker(committer, runId, java.time.Instant.now(), 0L, pub));
    Result r = publish(committer, 0, runId, pub);
    markers.delete(pub.dataset(), runId);
    return r;
  }

  private static StagedObject staged(Publication pub, String path) {
    StagedObject s = pub.staged().get(path);
    if (s == null) {
      throw new IllegalStateException("No staged object for " + path + " in the publication of " + pub.dataset());
    }
    return s;
  }

  private static int skippedSwaps(Publication pub, NextVersion next) {
    return (int) pub.replaces().stream().filter(s -> next.inapplicable().containsAll(s.outputs())).count();
  }

  /** The version that published {@code runId}'s commit: the newest, or one a little older. */
  private Manifest holder(String dataset, Manifest latest, String pipeline, String runId) throws IOException {
    for (long v = latest.version(); v >= 1; v--) {
      Optional<Manifest> m = v == latest.version() ? Optional.of(latest) : manifests.version(dataset, v);
      if (m.isEmpty() || m.get().publishedVersion(pipeline) == 0) {
        break;
      }
      if (runId.equals(m.get().runId()) && pipeline.equals(m.get().pipeline())) {
        return m.get();
      }
    }
    return latest; // published long ago and expired since: nothing left to retire
  }

  /**
   * After the version exists: retire the files it replaced and drop staged outputs it did not take (a compaction
   * group whose inputs changed). Both idempotent, so a roll-forward can repeat them.
   */
  private void finish(String dataset, Manifest holder, Publication pub, Set<String> publishedHere)
      throws IOException {
    retire(dataset, holder.removed());
    Set<String> live = new HashSet<>();
    holder.files().forEach(f -> live.add(f.path()));
    unpublish(pub, pub.files().stream().map(DataFile::path).filter(p -> !live.contains(p)).toList(), publishedHere);
  }

  /** Moves replaced files out of the dataset's prefix: plain readers stop seeing them, older versions still can. */
  void retire(String dataset, List<String> paths) throws IOException {
    ParallelIo.forEach(paths, path -> {
      try {
        store.move(manifests.fileUri(dataset, path), manifests.retiredUri(dataset, path));
      } catch (FileNotFoundException gone) {
        LOG.warn("{}: replaced file {} is neither in the dataset nor retired (deleted by hand?)", dataset, path);
      }
    });
  }

  /**
   * Removes outputs no version takes (a compaction group whose inputs changed): their staged objects are discarded
   * and, should an earlier attempt have published one, it is deleted (no version lists it, and none ever will: its
   * name is this run's own).
   */
  private void unpublish(Publication pub, List<String> paths, Set<String> publishedHere) throws IOException {
    if (paths.isEmpty()) {
      return;
    }
    List<StagedObject> staged = paths.stream().map(pub.staged()::get).filter(java.util.Objects::nonNull).toList();
    ParallelIo.forEach(staged, store::discard);
    store.deleteAll(paths.stream().map(p -> manifests.fileUri(pub.dataset(), p)).toList());
    publishedHere.removeAll(paths);
  }

  /** Discards a publication's staged objects (a commit that lost, or a run that failed before its commit). */
  public void discard(Publication pub) throws IOException {
    ParallelIo.forEach(new ArrayList<>(pub.staged().values()), store::discard);
  }
}
