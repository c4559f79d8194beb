package dev.lake.internal.lake;

import dev.lake.exceptions.CommitStateUnknownException;
import dev.lake.io.DataFile;
import dev.lake.io.Locations;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and creates dataset manifests, and knows where a dataset's files, retired files and pending publications
 * live. A version is created with a conditional create, so two commits cannot both take version N+1; what goes into
 * a version is {@link DatasetCommit}'s business.
 *
 * <pre>{@code
 * ManifestStore manifests = ManifestStore.of(lake);
 * Optional<Manifest> newest = manifests.latest("processed/sales");
 * }</pre>
 */
public final class ManifestStore {
  /**
   * How long a run may take from its start to its commit, and so the age after which a staged file that no commit
   * refers to is provably a dead run's leftover: it covers a 15-minute Lambda and a long Spark job.
   */
  public static final java.time.Duration ORPHAN_AGE = java.time.Duration.ofHours(24);

  private final ObjectStore store;
  private final URI root;

  /** The manifests of a lake. */
  public static ManifestStore of(LakeRoot lake) {
    return new ManifestStore(lake.store(), lake.root());
  }

  public ManifestStore(ObjectStore store, URI root) {
    this.store = store;
    this.root = Locations.directory(root);
  }

  public ObjectStore store() {
    return store;
  }

  /** The lake's root directory URI. */
  public URI root() {
    return root;
  }

  /** The directory holding a dataset's files, e.g. {@code <root>/processed/sales/}. */
  public URI dataDirectory(String dataset) {
    return Locations.directory(Locations.child(root, dataset));
  }

  /** Where files a newer version replaced wait until no retained version lists them. */
  public URI retiredDirectory(String dataset) {
    return Locations.directory(Locations.child(root, "_lake/retired/" + dataset));
  }

  /** Where a coalescing sink's writers put their files before the run merges them ({@link RunCoalescer}). */
  public URI scratchDirectory(String dataset) {
    return Locations.directory(Locations.child(root, "_lake/scratch/" + dataset));
  }

  /** The live location of a file of a dataset. */
  public URI fileUri(String dataset, String path) {
    return Locations.child(dataDirectory(dataset), path);
  }

  /** Where a replaced file of a dataset is kept for older versions' readers. */
  public URI retiredUri(String dataset, String path) {
    return Locations.child(retiredDirectory(dataset), path);
  }

  URI manifestDirectory(String dataset) {
    return Locations.directory(Locations.child(root, "_lake/manifests/" + dataset));
  }

  /** Markers of commits being published into a dataset ({@link PendingMarkers}). */
  URI pendingDirectory(String dataset) {
    return Locations.directory(Locations.child(manifestDirectory(dataset), "_pending"));
  }

  URI manifestUri(String dataset, long version) {
    return Locations.child(manifestDirectory(dataset), String.format("v%020d.json", version));
  }

  /** The newest committed version of a dataset. */
  public Optional<Manifest> latest(String dataset) throws IOException {
    List<ObjectInfo> versions = versions(dataset);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(read(versions.get(versions.size() - 1).uri()));
  }

  /** Every retained version, oldest first. */
  public List<Manifest> history(String dataset) throws IOException {
    List<Manifest> out = new ArrayList<>();
    for (ObjectInfo info : versions(dataset)) {
      out.add(read(info.uri()));
    }
    return out;
  }

  /** One version, if it is retained. */
  public Optional<Manifest> version(String dataset, long version) throws IOException {
    try {
      return Optional.of(read(manifestUri(dataset, version)));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The retained versions' files in the store, oldest first. */
  List<ObjectInfo> versions(String dataset) throws IOException {
    return store.list(manifestDirectory(dataset), false).stream()
        .filter(o -> o.fileName().matches("v\\d{20}\\.json"))
        .toList(); // sorted by URI, and names are zero-padded: oldest first
  }

  private Manifest read(URI uri) throws IOException {
    Manifest m = readStored(uri);
    if (m.segments().isEmpty()) {
      return m;
    }
    List<DataFile> files = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (Segments.Loaded s : new Segments(this).load(m.dataset(), m.segments())) {
      files.addAll(s.segment().files());
      empty.addAll(s.segment().emptySplits());
    }
    return m.resolved(files, empty);
  }

  /** A version file as stored: for format 3, its segments without their files. */
  Manifest readStored(URI uri) throws IOException {
    try {
      return Json.read(store.readAllBytes(uri), Manifest.class);
    } catch (FileNotFoundException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("Corrupt manifest " + uri + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code next} as its version with a conditional create: false when another commit took that version. The
   * version file lists segments ({@link Segments}): those of {@code previous} that are unchanged, and new ones for what
   * changed, written first.
   *
   * @throws CommitStateUnknownException when the store failed in a way that leaves the outcome unknown
   */
  boolean create(Manifest next, Manifest previous) throws IOException {
    List<SegmentRef> refs = new Segments(this).write(next.dataset(), next, previous, next.runId());
    try {
      return store.createIfAbsent(manifestUri(next.dataset(), next.version()), Json.write(next.stored(refs)));
    } catch (IOException e) {
      throw new CommitStateUnknownException("Publishing " + next.dataset() + " version " + next.version()
          + " may or may not have happened (" + e.getMessage() + "): the next run of the pipeline completes it", e);
    }
  }
}
