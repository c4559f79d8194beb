package dev.lake.internal.lake;

import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.DataFile;
import dev.lake.io.StagedObject;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a lake sink's writers staged ({@link LakeDataset}) into the {@link Publication} a commit carries, and what publishing
 * it did into the sink's {@link CommitSummary}.
 *
 * <pre>{@code
 * Publication pub = LakePublications.of(sink, results, splitIds, attemptId);
 * }</pre>
 */
public final class LakePublications {
  private LakePublications() {}

  /**
   * What a run commits into the sink's dataset: the writers' staged files (merged first when the sink coalesces),
   * the write mode and layout, and {@code splits}, the input splits the run read for this sink.
   */
  public static Publication of(LakeDataset sink, List<WriterResult> results, List<String> splits, String attemptId)
      throws IOException {
    List<DataFile> added = new ArrayList<>();
    Map<String, StagedObject> staged = new LinkedHashMap<>();
    String schema = sink.schema() == null ? null : sink.schema().toString();
    for (WriterResult r : results) {
      added.addAll(r.files());
      staged.putAll(r.staged());
      String written = r.metadata().get("schema");
      if (schema == null && written != null) {
        schema = written;
      }
    }
    List<String> partitions = new ArrayList<>();
    if (sink.ingestDate()) {
      partitions.add("ingest_date");
    }
    partitions.addAll(sink.partitionBy());
    if (sink.coalescesSmallFiles() && schema != null && !added.isEmpty()) {
      RunCoalescer.Merged merged = RunCoalescer.coalesce(sink, schema, partitions, added, attemptId);
      added = merged.files();
      staged = merged.staged();
    }
    return new Publication(sink.lake().root().toString(), sink.dataset(), sink.mode(), sink.format().name(),
        partitions, schema, added, staged, splits, List.of());
  }

  /** The manifests of the lake {@code sink} writes into. */
  public static ManifestStore manifests(LakeDataset sink) {
    return ManifestStore.of(sink.lake());
  }

  /** What a publication made of the sink's dataset, for the run report. */
  public static CommitSummary summary(LakeDataset sink, Publication pub, DatasetCommit.Result result) {
    long version = result.version() == null ? 0 : result.version().version();
    if (result.unchanged()) {
      return CommitSummary.unchanged(sink.name(), version);
    }
    return CommitSummary.builder().sink(sink.name()).version(version)
        .rows(pub.files().stream().mapToLong(DataFile::rows).sum()).files(pub.files())
        .removedFiles(result.version().removed()).build();
  }

  /** A direct {@code Sink.commit} of the sink: see {@link DatasetCommit#publishDirect}. */
  public static CommitSummary commitDirect(LakeDataset sink, List<WriterResult> results, CommitContext ctx)
      throws IOException {
    Publication pub = of(sink, results, List.of(), ctx.runId());
    DatasetCommit.Result r = new DatasetCommit(manifests(sink)).publishDirect(ctx.pipeline(), ctx.runId(), pub);
    return summary(sink, pub, r);
  }

  /**
   * Whether a direct commit ({@link #commitDirect}) with {@code ctx}'s committer and run id took effect, for a caller
   * that did not learn its outcome: true when a version holds it (looked for among the versions committed since
   * {@code ctx.startedAt()}), or when its decision, the pending marker, exists: then it is published now and the
   * marker removed. False: it took no effect.
   */
  public static boolean landedDirect(LakeDataset sink, CommitContext ctx) throws IOException {
    ManifestStore manifests = manifests(sink);
    String dataset = sink.dataset();
    PendingMarkers markers = new PendingMarkers(manifests);
    for (PendingMarkers.Found found : markers.list(dataset)) {
      PendingMarkers.Marker m = found.marker();
      if (m.runId().equals(ctx.runId()) && m.pipeline().equals(ctx.pipeline())) {
        new DatasetCommit(manifests).publish(m.pipeline(), m.stateVersion() == null ? 0 : m.stateVersion(),
            m.runId(), m.publication());
        markers.delete(dataset, m.runId());
        return true;
      }
    }
    // no marker: never decided, or published and its marker removed
    long newest = manifests.latest(dataset).map(Manifest::version).orElse(0L);
    for (long v = newest; v >= 1; v--) {
      java.util.Optional<Manifest> m = manifests.version(dataset, v);
      if (m.isEmpty() || m.get().committedAt().isBefore(ctx.startedAt())) {
        break;
      }
      if (ctx.runId().equals(m.get().runId()) && ctx.pipeline().equals(m.get().pipeline())) {
        return true;
      }
    }
    return false;
  }
}
