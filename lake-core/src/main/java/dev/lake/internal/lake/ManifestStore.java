package dev.lake.internal.lake;

import dev.lake.WriteMode;
import dev.lake.exceptions.CommitFailedException;
import dev.lake.exceptions.CommitStateUnknownException;
import dev.lake.io.CommitContext;
import dev.lake.io.DataFile;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and commits dataset manifests. A commit writes version N+1 with a conditional create, so two runs cannot
 * both commit version N+1; the loser re-reads the newest version and tries again. After a commit, files that left
 * the dataset, and files a killed run left behind, are deleted so that plain readers of the prefix (Athena, DuckDB,
 * Spark globs) see exactly the committed rows.
 */
public final class ManifestStore {
  /**
   * An uncommitted {@code part-*} file or incomplete upload of another commit key older than this (before a
   * committing run's start) is a killed run's leftover; younger ones may belong to a concurrent run still writing.
   */
  static final java.time.Duration ORPHAN_AGE = java.time.Duration.ofHours(24);
  private static final Logger LOG = LoggerFactory.getLogger(ManifestStore.class);
  private static final int MAX_ATTEMPTS = 5;

  private final ObjectStore store;
  private final URI root;

  public ManifestStore(ObjectStore store, URI root) {
    this.store = store;
    this.root = Locations.directory(root);
  }

  /** The directory holding a dataset's files, e.g. {@code <root>/processed/sales/}. */
  public URI dataDirectory(String dataset) {
    return Locations.directory(Locations.child(root, dataset));
  }

  private URI manifestDirectory(String dataset) {
    return Locations.directory(Locations.child(root, "_lake/manifests/" + dataset));
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

  /** Every committed version, oldest first. */
  public List<Manifest> history(String dataset) throws IOException {
    List<Manifest> out = new ArrayList<>();
    for (ObjectInfo info : versions(dataset)) {
      out.add(read(info.uri()));
    }
    return out;
  }

  private List<ObjectInfo> versions(String dataset) throws IOException {
    return store.list(manifestDirectory(dataset), false).stream()
        .filter(o -> o.fileName().matches("v\\d{20}\\.json"))
        .toList(); // sorted by URI, and names are zero-padded: oldest first
  }

  private Manifest read(URI uri) throws IOException {
    try {
      return Json.read(store.readAllBytes(uri), Manifest.class);
    } catch (FileNotFoundException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("Corrupt manifest " + uri + ": " + e.getMessage(), e);
    }
  }

  /**
   * Commits {@code added} to a dataset.
   *
   * @param template the new manifest's description (version, files, added and removed are filled in here)
   */
  public Manifest commit(String dataset, WriteMode mode, List<DataFile> added, Manifest template, CommitContext ctx)
      throws IOException {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<Manifest> previous = latest(dataset);
      List<DataFile> before = previous.map(Manifest::files).orElse(List.of());
      Map<String, List<String>> compacted = previous.map(Manifest::compacted).orElse(Map.of());
      List<DataFile> live = snapshot(mode, before, compacted, added, ctx.commitKey());
      Set<String> livePaths = new HashSet<>();
      live.forEach(f -> livePaths.add(f.path()));
      long version = previous.map(Manifest::version).orElse(0L) + 1;
      Manifest next = new Manifest(1, dataset, version, Instant.now(), ctx.pipeline(), ctx.runId(),
          ctx.commitKey(), mode.name(), template.format(), template.partitionBy(),
          template.schema() != null ? template.schema() : previous.map(Manifest::schema).orElse(null), live,
          added.stream().map(DataFile::path).filter(livePaths::contains).toList(), removed(before, livePaths),
          retain(compacted, livePaths));
      if (create(next)) {
        cleanUp(dataset, livePaths, next.removed(), ctx.startedAt(), ctx.commitKey());
        return next;
      }
      LOG.info("{} version {} was committed by another run; retrying on top of it", dataset, version);
    }
    throw new CommitFailedException("Could not commit " + dataset + " after " + MAX_ATTEMPTS
        + " attempts: other runs kept committing it. Run again, or give each writer its own dataset.", null);
  }

  /**
   * Writes {@code next} as its version with a conditional create: false when another commit took that version.
   *
   * @throws CommitStateUnknownException when the store failed in a way that leaves the outcome unknown
   */
  boolean create(Manifest next) {
    try {
      return store.createIfAbsent(manifestUri(next.dataset(), next.version()), Json.write(next));
    } catch (IOException e) {
      throw new CommitStateUnknownException("Commit of " + next.dataset() + " version " + next.version()
          + " may or may not have happened (" + e.getMessage() + "): run again; commits are idempotent", e);
    }
  }

  static List<String> removed(List<DataFile> before, Set<String> livePaths) {
    return before.stream().map(DataFile::path).filter(p -> !livePaths.contains(p)).toList();
  }

  /** The compaction entries of files still live. */
  static Map<String, List<String>> retain(Map<String, List<String>> compacted, Set<String> livePaths) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    compacted.forEach((path, keys) -> {
      if (livePaths.contains(path)) {
        kept.put(path, keys);
      }
    });
    return kept;
  }

  /** The live files after a commit of {@code added} in {@code mode}. */
  static List<DataFile> snapshot(WriteMode mode, List<DataFile> previous, List<DataFile> added, String commitKey) {
    return snapshot(mode, previous, Map.of(), added, commitKey);
  }

  /**
   * The live files after a commit of {@code added} in {@code mode}; {@code compacted} says which commit keys each
   * compacted file holds.
   */
  static List<DataFile> snapshot(WriteMode mode, List<DataFile> previous, Map<String, List<String>> compacted,
      List<DataFile> added, String commitKey) {
    Map<String, DataFile> live = new LinkedHashMap<>();
    Set<Map<String, String>> absorbed = new HashSet<>();
    if (mode == WriteMode.APPEND) {
      // Committing the same input again replaces its earlier files instead of adding a second copy; where a
      // compaction already merged them into a bigger file, that partition keeps the rows it has and takes no copy.
      previous.stream().filter(f -> compacted.getOrDefault(f.path(), List.of()).contains(commitKey))
          .forEach(f -> absorbed.add(f.partition()));
      previous.stream().filter(f -> !commitKey.equals(f.commitKey()) || absorbed.contains(f.partition()))
          .forEach(f -> live.put(f.path(), f));
    } else if (mode == WriteMode.OVERWRITE_PARTITIONS) {
      Set<Map<String, String>> touched = new HashSet<>();
      added.forEach(f -> touched.add(f.partition()));
      previous.stream().filter(f -> !touched.contains(f.partition())).forEach(f -> live.put(f.path(), f));
    }
    added.stream().filter(f -> !absorbed.contains(f.partition())).forEach(f -> live.put(f.path(), f));
    return new ArrayList<>(live.values());
  }

  private void cleanUp(String dataset, Set<String> live, List<String> removed, Instant runStart, String commitKey) {
    URI dir = dataDirectory(dataset);
    List<URI> doomed = new ArrayList<>();
    removed.forEach(p -> doomed.add(Locations.child(dir, p)));
    try {
      // Files of this run's own killed or failed attempts (an earlier run over the same input, a Spark task that
      // failed and was retried): named with this commit key but not published. Files of other commit keys may belong
      // to a run still writing (concurrent Lambdas on one dataset): only those older than ORPHAN_AGE are a killed
      // run's leftovers; the same holds for incomplete uploads.
      String ours = "part-" + commitKey + "-";
      Instant orphanedBefore = runStart.minus(ORPHAN_AGE);
      for (ObjectInfo info : store.list(dir, true)) {
        String rel = Locations.relativize(dir, info.uri());
        if (info.fileName().startsWith("part-") && !live.contains(rel) && !removed.contains(rel)
            && (info.fileName().startsWith(ours) || info.lastModified().isBefore(orphanedBefore))) {
          doomed.add(info.uri());
        }
      }
      store.deleteAll(doomed);
      store.abortIncompleteWrites(dir, runStart, ours);
      store.abortIncompleteWrites(dir, orphanedBefore);
    } catch (IOException e) {
      // The commit stands; leftovers are removed by the next commit.
      LOG.warn("Commit of {} succeeded but cleaning up {} old files failed: {}", dataset, doomed.size(), e.toString());
    }
  }
}
