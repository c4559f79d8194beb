package dev.lake.sink.iceberg;

import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Upkeep of an Iceberg table Lake writes. {@link #expireSnapshots} drops old snapshots (and the files only they
 * needed) but keeps the split ledger whole: the splits of the expired snapshots go into a checkpoint file that the
 * table's properties name, in the same commit, so input committed long ago is still never added again (an expiry by
 * another engine does not know to do this). {@link #compact} merges each partition's small files.
 * {@link #removeOrphanFiles} deletes files under the table's location that
 * no snapshot, manifest or metadata file references and that are older than an age guard: what killed runs left.
 *
 * <pre>{@code
 * // given: IcebergCatalog catalog
 * IcebergMaintenance maintenance = IcebergMaintenance.of(catalog, "retail.online_retail");
 * maintenance.expireSnapshots(Instant.now().minus(Duration.ofDays(7)), 5);
 * maintenance.removeOrphanFiles(Duration.ofDays(1));
 * }</pre>
 */
public final class IcebergMaintenance {
  /** Younger files are never orphans: a run may be writing them (Lake's own leftovers wait as long). */
  public static final Duration MIN_ORPHAN_AGE = Duration.ofHours(1);

  private final IcebergCatalog catalog;
  private final String name;

  private IcebergMaintenance(IcebergCatalog catalog, String name) {
    this.catalog = catalog;
    this.name = name;
  }

  public static IcebergMaintenance of(IcebergCatalog catalog, String table) {
    return new IcebergMaintenance(catalog, table);
  }

  /**
   * Expires the snapshots of the current history older than {@code olderThan}, keeping at least the newest
   * {@code retainLast}; returns how many were expired. Files that only expired snapshots referenced are deleted.
   */
  public int expireSnapshots(Instant olderThan, int retainLast) {
    ValidationException.check(retainLast >= 1, "retainLast must be at least 1 but was %s", retainLast);
    Table table = catalog.load(name);
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    List<Snapshot> history = new ArrayList<>();
    SnapshotUtil.currentAncestors(table).forEach(history::add); // newest first
    int kept = 0;
    while (kept < history.size()
        && (kept < retainLast || history.get(kept).timestampMillis() >= olderThan.toEpochMilli())) {
      kept++;
    }
    if (kept == history.size()) {
      return 0;
    }
    // First the checkpoint of what will be expired, then the expiry of exactly those snapshots: a crash between the
    // two leaves a checkpoint that repeats what the snapshots say, and a run committing between them is kept.
    Map<String, String> expired = SnapshotLedger.from(metadata, history.get(kept), table.io());
    String location = ((HasTableOperations) table).operations()
        .metadataFileLocation("lake-split-ledger-" + UUID.randomUUID() + ".json");
    SnapshotLedger.writeCheckpoint(table.io(), location, expired);
    table.updateProperties().set(SnapshotLedger.CHECKPOINT, location).commit();
    ExpireSnapshots expire = table.expireSnapshots();
    history.subList(kept, history.size()).forEach(s -> expire.expireSnapshotId(s.snapshotId()));
    expire.commit();
    return history.size() - kept;
  }


  /**
   * Rewrites each partition's small data files (below three quarters of {@code targetFileBytes}, without delete
   * files) into one, in one {@code replace} snapshot; returns the number of files replaced. The split ledger is
   * untouched: a compaction adds and removes no input.
   */
  public int compact(long targetFileBytes) {
    ValidationException.check(targetFileBytes >= 1024, "targetFileBytes must be at least 1024 but was %s",
        targetFileBytes);
    return new IcebergCompaction(catalog.load(name), targetFileBytes).run().filesRewritten();
  }

  /**
   * Deletes the files under the table's location that nothing of the table references (no snapshot's manifest
   * list, manifests or their data and delete files; no metadata file of its log; not the ledger checkpoint) and
   * that were last modified more than {@code olderThan} ago (at least {@link #MIN_ORPHAN_AGE}). Returns them.
   */
  public List<URI> removeOrphanFiles(Duration olderThan) {
    ValidationException.check(olderThan.compareTo(MIN_ORPHAN_AGE) >= 0, "Orphans must be at least %s old, so that "
        + "no file a running job is writing is taken for one; was %s", MIN_ORPHAN_AGE, olderThan);
    return removeOrphans(Instant.now().minus(olderThan));
  }

  /** As {@link #removeOrphanFiles} with any cutoff (tests). */
  List<URI> removeOrphans(Instant modifiedBefore) {
    Table table = catalog.load(name);
    Set<URI> referenced = referenced(table);
    URI root = LakeFileIO.uri(table.location());
    ObjectStore store = LakeFileIO.store(table.location());
    List<URI> removed = new ArrayList<>();
    try {
      for (ObjectInfo o : store.list(root, true)) {
        URI uri = o.uri().normalize();
        if (!referenced.contains(uri) && o.lastModified().isBefore(modifiedBefore)) {
          store.delete(uri);
          removed.add(uri);
        }
      }
    } catch (IOException e) {
      throw new LakeException("Cannot list or delete under " + root + ": " + e.getMessage(), e);
    }
    return removed;
  }

  private static Set<URI> referenced(Table table) {
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    Set<String> paths = new HashSet<>();
    paths.add(metadata.metadataFileLocation());
    metadata.previousFiles().forEach(e -> paths.add(e.file()));
    String checkpoint = metadata.property(SnapshotLedger.CHECKPOINT, null);
    if (checkpoint != null) {
      paths.add(checkpoint);
    }
    metadata.statisticsFiles().forEach(s -> paths.add(s.path()));
    metadata.partitionStatisticsFiles().forEach(s -> paths.add(s.path()));
    try {
      for (Snapshot s : metadata.snapshots()) {
        paths.add(s.manifestListLocation());
        for (ManifestFile m : s.allManifests(table.io())) {
          paths.add(m.path());
          if (m.content() == ManifestContent.DATA) {
            try (ManifestReader<DataFile> r = ManifestFiles.read(m, table.io())) {
              r.forEach(f -> paths.add(f.location()));
            }
          } else {
            try (ManifestReader<DeleteFile> r = ManifestFiles.readDeleteManifest(m, table.io(), table.specs())) {
              r.forEach(f -> paths.add(f.location()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new LakeException("Cannot read the manifests of " + table.name() + ": " + e.getMessage(), e);
    }
    Set<URI> uris = new HashSet<>();
    paths.forEach(p -> uris.add(LakeFileIO.uri(p).normalize()));
    return uris;
  }
}
