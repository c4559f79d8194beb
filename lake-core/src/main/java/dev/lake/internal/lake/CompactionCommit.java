package dev.lake.internal.lake;

import dev.lake.exceptions.CommitFailedException;
import dev.lake.io.DataFile;
import dev.lake.io.ObjectInfo;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a compaction's swap (small files out, {@code compact-*} files in) as one new manifest version, on top of
 * the newest version at commit time. A group whose inputs are no longer all live (another commit overwrote, replaced
 * or compacted them) is skipped and its new files deleted; the others are committed. Losing the conditional create
 * to another commit re-reads and tries again. After the commit, the replaced files are deleted (as an overwrite's
 * are), and so are {@code compact-*} files of killed compactions in the rewritten directories.
 *
 * <pre>{@code
 * Optional<Manifest> committed = new CompactionCommit(compactor).commit(plan);
 * }</pre>
 */
final class CompactionCommit {
  private static final Logger LOG = LoggerFactory.getLogger(CompactionCommit.class);
  private static final int MAX_ATTEMPTS = 5;
  /** A {@code compact-*} file not in any manifest and older than this is a killed compaction's leftover. */
  static final Duration ORPHAN_AGE = ManifestStore.ORPHAN_AGE;
  static final String MODE = "COMPACT";

  private final Compactor compactor;
  private final ManifestStore manifests;

  CompactionCommit(Compactor compactor) {
    this.compactor = compactor;
    this.manifests = compactor.lake.manifests();
  }

  /** The committed version, or empty when every group was skipped. */
  Optional<Manifest> commit(Compactor.Plan plan) throws IOException {
    String commitKey = Compactor.commitKey(plan);
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Manifest latest = manifests.latest(compactor.dataset).orElseThrow(() -> new CommitFailedException(
          "Cannot commit the compaction of " + compactor.dataset + ": its manifests were deleted meanwhile", null));
      List<Compactor.Group> applied = applicable(plan, latest);
      if (applied.isEmpty()) {
        return Optional.empty();
      }
      Set<String> replaced = new HashSet<>();
      applied.forEach(g -> g.inputs.forEach(f -> replaced.add(f.path())));
      List<DataFile> live = new ArrayList<>();
      latest.files().stream().filter(f -> !replaced.contains(f.path())).forEach(live::add);
      List<String> added = new ArrayList<>();
      Map<String, List<String>> compacted = new LinkedHashMap<>(latest.compacted());
      replaced.forEach(compacted::remove);
      for (Compactor.Group g : applied) {
        Set<String> keys = new LinkedHashSet<>();
        g.inputs.forEach(f -> keys.addAll(latest.commitKeysOf(f)));
        for (DataFile out : g.outputs) {
          live.add(out);
          added.add(out.path());
          compacted.put(out.path(), List.copyOf(keys));
        }
      }
      Manifest next = new Manifest(1, compactor.dataset, latest.version() + 1, Instant.now(), "compact",
          compactor.runId, commitKey, MODE, latest.format(), latest.partitionBy(), latest.schema(), live, added,
          List.copyOf(replaced).stream().sorted().toList(), compacted);
      if (manifests.create(next)) {
        cleanUp(next, applied);
        return Optional.of(next);
      }
      LOG.info("{} version {} was committed by another run; compacting on top of it", compactor.dataset,
          next.version());
    }
    throw new CommitFailedException("Could not commit the compaction of " + compactor.dataset + " after "
        + MAX_ATTEMPTS + " attempts: other runs kept committing it. Run it again when writers are quieter.", null);
  }

  /** Groups whose inputs are all still live in {@code latest}; the others are marked skipped and their files go. */
  private List<Compactor.Group> applicable(Compactor.Plan plan, Manifest latest) throws IOException {
    Set<String> livePaths = new HashSet<>();
    latest.files().forEach(f -> livePaths.add(f.path()));
    List<Compactor.Group> applied = new ArrayList<>();
    List<URI> orphaned = new ArrayList<>();
    URI dir = manifests.dataDirectory(compactor.dataset);
    for (Compactor.Group g : plan.groups()) {
      if (g.skipped != null) {
        continue;
      }
      if (g.inputs.stream().allMatch(f -> livePaths.contains(f.path()))) {
        applied.add(g);
      } else {
        g.skipped = "version " + latest.version() + " (" + latest.mode() + " by " + latest.pipeline()
            + ") changed this partition's files while they were rewritten";
        LOG.warn("Compaction of {} {}: skipped, {}", compactor.dataset, g.partition, g.skipped);
        // An identical compaction that won the race wrote the same names: never delete a live file.
        g.outputs.stream().filter(f -> !livePaths.contains(f.path()))
            .forEach(f -> orphaned.add(Locations.child(dir, f.path())));
      }
    }
    compactor.lake.store().deleteAll(orphaned);
    return applied;
  }

  private void cleanUp(Manifest committed, List<Compactor.Group> applied) {
    URI dir = manifests.dataDirectory(compactor.dataset);
    Set<String> live = new HashSet<>();
    committed.files().forEach(f -> live.add(f.path()));
    List<URI> doomed = new ArrayList<>();
    committed.removed().forEach(p -> doomed.add(Locations.child(dir, p)));
    try {
      Instant orphanBefore = compactor.started.minus(ORPHAN_AGE);
      for (Compactor.Group g : applied) {
        String ours = "compact-" + g.key + "-";
        for (ObjectInfo info : compactor.lake.store().list(Locations.child(dir, g.directory), false)) {
          String rel = Locations.relativize(dir, info.uri());
          if (info.fileName().startsWith("compact-") && !live.contains(rel)
              && (info.fileName().startsWith(ours) || info.lastModified().isBefore(orphanBefore))) {
            doomed.add(info.uri());
          }
        }
      }
      compactor.lake.store().deleteAll(doomed);
    } catch (IOException e) {
      // The commit stands; the replaced files are no longer in the dataset, only in the prefix.
      LOG.warn("Compaction of {} committed but deleting {} replaced files failed: {}", compactor.dataset,
          doomed.size(), e.toString());
    }
  }
}
