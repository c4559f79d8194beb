package dev.lake.internal.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lake.io.Locations;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The markers a run leaves in each dataset it publishes to, at {@code _lake/manifests/<dataset>/_pending/<runId>.json}.
 * Written before the run's commit ("prepared": the run may commit), updated with the state version once committed,
 * deleted once its publication is complete. They let any process tell a dead run's staged files (no marker, or a
 * prepared marker older than {@link ManifestStore#ORPHAN_AGE}) from a committed run's (a committed marker: roll it
 * forward from the publication it holds), without reading another pipeline's state.
 *
 * <pre>{@code
 * PendingMarkers markers = new PendingMarkers(ManifestStore.of(lake));
 * markers.write(marker);                         // prepared, before the commit
 * markers.write(marker.committedAs(7));          // after it
 * markers.delete(dataset, runId);                // once published
 * }</pre>
 */
final class PendingMarkers {
  private final ManifestStore manifests;
  private final ObjectStore store;

  public PendingMarkers(ManifestStore manifests) {
    this.manifests = manifests;
    this.store = manifests.store();
  }

  /**
   * One run's marker in one dataset.
   *
   * @param pipeline the run's pipeline
   * @param runId the run
   * @param startedAt when the run started (a run never commits later than {@link ManifestStore#ORPHAN_AGE} after)
   * @param stateVersion the pipeline's state version that committed it, or null while only prepared
   * @param publication what it publishes into the dataset
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Marker(String pipeline, String runId, Instant startedAt, Long stateVersion, Publication publication) {
    public Marker committedAs(long version) {
      return new Marker(pipeline, runId, startedAt, version, publication);
    }

    public boolean committed() {
      return stateVersion != null;
    }
  }

  private URI uri(String dataset, String runId) {
    return Locations.child(manifests.pendingDirectory(dataset), runId + ".json");
  }

  /** Writes or replaces a run's marker. */
  public void write(Marker marker) throws IOException {
    store.write(uri(marker.publication().dataset(), marker.runId()), Json.write(marker));
  }

  /** Removes a run's marker from a dataset; a missing one is fine. */
  public void delete(String dataset, String runId) throws IOException {
    store.delete(uri(dataset, runId));
  }

  /** The markers in a dataset, with their store timestamps. */
  public List<Found> list(String dataset) throws IOException {
    List<Found> out = new ArrayList<>();
    for (ObjectInfo info : store.list(manifests.pendingDirectory(dataset), false)) {
      if (!info.fileName().endsWith(".json")) {
        continue;
      }
      try {
        out.add(new Found(Json.read(store.readAllBytes(info.uri()), Marker.class), info.lastModified()));
      } catch (FileNotFoundException gone) {
        // published and removed meanwhile
      }
    }
    return out;
  }

  /** A marker as found, with when it was last written. */
  public record Found(Marker marker, Instant writtenAt) {}
}
