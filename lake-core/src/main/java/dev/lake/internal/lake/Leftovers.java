package dev.lake.internal.lake;

import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what dead runs left in a dataset: staged files never published. They are invisible to every reader, so
 * this only frees space; what matters is never to remove a file a commit may still publish. A run's files are
 * provably dead when the run is older than {@link ManifestStore#ORPHAN_AGE} (no run commits that late) and no
 * marker of a committed run names it; a committed run's markers are rolled forward first.
 *
 * <pre>{@code
 * Leftovers.cleanUp(ManifestStore.of(lake), "online-retail", "processed/online_retail", Instant.now());
 * }</pre>
 */
public final class Leftovers {
  private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);
  /** {@code part-<runId>…} or {@code compact-<runId>…}; a run id is {@code yyyyMMddTHHmmssZ-xxxxxxxx}. */
  private static final Pattern RUN = Pattern.compile("^(?:part|compact)-(\\d{8}T\\d{6}Z-[0-9a-f]{8})");

  private Leftovers() {}

  /** The run id in a data file's name, or null. */
  static String runOf(String fileName) {
    Matcher m = RUN.matcher(fileName);
    return m.find() ? m.group(1) : null;
  }

  /** Discards every staged file of one run in a dataset (after its commit was published, or once it is dead). */
  public static void discardRun(ManifestStore manifests, String dataset, String runId) throws IOException {
    ObjectStore store = manifests.store();
    URI dir = manifests.dataDirectory(dataset);
    Instant any = Instant.now().plusSeconds(3600);
    store.abortIncompleteWrites(dir, any, "part-" + runId);
    store.abortIncompleteWrites(dir, any, "compact-" + runId);
  }

  /**
   * Before a run of {@code pipeline} publishes into {@code dataset}: rolls forward the committed publications other
   * runs left pending there, drops this pipeline's own prepared markers of dead runs, and discards staged files of
   * dead runs that no marker names. Foreign prepared markers are left to their own pipeline, which alone can tell
   * whether they committed. Returns how many dead runs' staged files were discarded.
   */
  public static int cleanUp(ManifestStore manifests, String pipeline, String dataset, Instant now)
      throws IOException {
    PendingMarkers markers = new PendingMarkers(manifests);
    Instant deadBefore = now.minus(ManifestStore.ORPHAN_AGE);
    Set<String> named = new HashSet<>();
    for (PendingMarkers.Found found : markers.list(dataset)) {
      PendingMarkers.Marker m = found.marker();
      if (m.committed()) {
        LOG.info("{}: publishing run {} of {} (state version {}), which a crash left half-published", dataset,
            m.runId(), m.pipeline(), m.stateVersion());
        new DatasetCommit(manifests).publish(m.pipeline(), m.stateVersion(), m.runId(), m.publication());
        markers.delete(dataset, m.runId());
        discardRun(manifests, dataset, m.runId());
      } else if (m.pipeline().equals(pipeline) && m.startedAt().isBefore(deadBefore)) {
        discardRun(manifests, dataset, m.runId());
        markers.delete(dataset, m.runId());
      } else {
        named.add(m.runId());
      }
    }
    Set<String> dead = new HashSet<>();
    for (ObjectInfo info : manifests.store().listUnpublished(manifests.dataDirectory(dataset))) {
      String run = runOf(info.fileName());
      if (run != null && !named.contains(run) && info.lastModified().isBefore(deadBefore)) {
        dead.add(run);
      }
    }
    for (String run : dead) {
      LOG.info("{}: discarding the staged files of run {}, dead since before {}", dataset, run, deadBefore);
      discardRun(manifests, dataset, run);
    }
    return dead.size();
  }

  /** Deletes what coalescing writers of dead runs left in the dataset's scratch directory. */
  static void cleanScratch(ManifestStore manifests, String dataset, Instant now) throws IOException {
    Instant deadBefore = now.minus(ManifestStore.ORPHAN_AGE);
    manifests.store().deleteAll(manifests.store().list(manifests.scratchDirectory(dataset), true).stream()
        .filter(o -> o.lastModified().isBefore(deadBefore)).map(ObjectInfo::uri).toList());
  }
}
