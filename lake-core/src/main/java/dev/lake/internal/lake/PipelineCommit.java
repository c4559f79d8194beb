package dev.lake.internal.lake;

import dev.lake.exceptions.LakeException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a pipeline's run and publishes it. The commit is one conditional write: the pipeline's next
 * {@link StateLog} entry, holding the run's cursors, the splits it committed and its {@link Publication}s. Before it,
 * a prepared {@link PendingMarkers marker} goes into each dataset that gets files or is overwritten (an empty
 * publication changes nothing, so needs none); after it, the markers say so, each publication is
 * published ({@link DatasetCommit}), and the markers go. If another run of the pipeline committed first, this run
 * rebases: it publishes that commit (only the newest entry may be unpublished), and commits on top of it unless that
 * commit took some of this run's splits, which is a {@link Conflict}: this run's staged files are discarded and the
 * caller reads what is left again.
 *
 * <pre>{@code
 * PipelineCommit commit = new PipelineCommit(lake, "online-retail");
 * commit.recover();                                        // before planning: publish a crashed commit
 * PipelineCommit.Outcome o = commit.commit(attempt);      // after the tasks
 * }</pre>
 */
public final class PipelineCommit {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineCommit.class);
  /** A run older than this refuses to commit: after {@link ManifestStore#ORPHAN_AGE} its staged files may go. */
  static final Duration MAX_RUN_AGE = ManifestStore.ORPHAN_AGE.minusHours(1);

  private final String pipeline;
  private final StateLog log;

  public PipelineCommit(LakeRoot lake, String pipeline) {
    this.pipeline = pipeline;
    this.log = new StateLog(lake.store(), lake.root());
  }

  private static PendingMarkers markers(Publication pub) {
    return new PendingMarkers(ManifestStore.of(pub.lake()));
  }

  /**
   * The publications that get a pending marker: those that add files or overwrite. An empty one has nothing to roll
   * forward after a crash and names no staged file, and publishing it changes no manifest ({@link
   * DatasetCommit#publish}), so its marker would only cost two writes and a delete in a dataset the run leaves as it
   * is (typically the rejected zone of a run with no bad rows).
   */
  private static List<Publication> marked(List<Publication> publications) {
    return publications.stream().filter(p -> !p.isEmpty()).toList();
  }

  private static DatasetCommit datasets(Publication pub) {
    return new DatasetCommit(ManifestStore.of(pub.lake()));
  }

  /**
   * What a run asks to commit.
   *
   * @param runId the run
   * @param startedAt when it started
   * @param base the state version it planned on (0 before the first commit)
   * @param cursorsBefore the cursors it read
   * @param proposed the cursors its sources proposed
   * @param splits the splits whose rows it commits
   * @param publications what it publishes, one per dataset
   */
  public record Attempt(String runId, Instant startedAt, long base, Map<String, String> cursorsBefore,
      Map<String, String> proposed, List<String> splits, List<Publication> publications) {}

  /** How a commit ended. */
  public sealed interface Outcome permits Committed, Conflict {}

  /** Committed as {@code entry}; {@code results} say what each publication made of its dataset. */
  public record Committed(StateLog.Entry entry, List<DatasetCommit.Result> results) implements Outcome {}

  /** Other runs ({@code byRuns}) committed some of the same splits first; nothing of this run was committed. */
  public record Conflict(Set<String> splits, Set<String> byRuns) implements Outcome {}

  /**
   * Publishes the pipeline's newest commit if a crash left it unpublished, and returns it. Idempotent: publishing
   * what is published already changes nothing.
   */
  public Optional<StateLog.Entry> recover() throws IOException {
    Optional<StateLog.Entry> head = log.head(pipeline);
    if (head.isPresent() && !published(head.get())) {
      publish(head.get());
    }
    return head;
  }

  /** True when every publication of {@code entry} is in its dataset and no marker of it is left: nothing to do. */
  private boolean published(StateLog.Entry entry) throws IOException {
    for (Publication pub : entry.publications()) {
      ManifestStore manifests = ManifestStore.of(pub.lake());
      boolean marked = markers(pub).list(pub.dataset()).stream()
          .anyMatch(f -> f.marker().runId().equals(entry.runId()));
      Optional<Manifest> latest = manifests.latest(pub.dataset());
      boolean in = pub.isEmpty() || latest.map(m -> m.publishedVersion(pipeline) >= entry.version()).orElse(false);
      if (marked || !in) {
        return false;
      }
    }
    return true;
  }

  /** Commits, rebasing on the commits of concurrent runs, then publishes. */
  public Outcome commit(Attempt attempt) throws IOException {
    if (Instant.now().isAfter(attempt.startedAt().plus(MAX_RUN_AGE))) {
      throw new LakeException("Run " + attempt.runId() + " of " + pipeline + " started at " + attempt.startedAt()
          + ", more than " + MAX_RUN_AGE.toHours() + " h ago: too old to commit (its staged files may already be "
          + "cleaned up as a dead run's). Nothing was committed; run the pipeline again.");
    }
    long base = attempt.base();
    Map<String, String> cursors = advance(attempt.cursorsBefore(), attempt.proposed());
    if (cursors.equals(new TreeMap<>(attempt.cursorsBefore()))
        && attempt.publications().stream().allMatch(Publication::isEmpty)) {
      return unchanged(attempt, base); // nothing new: no state version, as no manifest version
    }
    for (Publication pub : marked(attempt.publications())) {
      markers(pub).write(new PendingMarkers.Marker(pipeline, attempt.runId(), attempt.startedAt(), null, pub));
    }
    while (true) {
      StateLog.Entry entry = new StateLog.Entry(1, pipeline, base + 1, attempt.runId(), Instant.now(), cursors,
          attempt.splits(), attempt.publications());
      if (log.create(entry)) {
        return new Committed(entry, publishCommitted(entry, attempt));
      }
      List<StateLog.Entry> newer = log.after(pipeline, base);
      StateLog.Entry head = newer.get(newer.size() - 1);
      publish(head);
      Set<String> taken = new LinkedHashSet<>();
      Set<String> byRuns = new LinkedHashSet<>();
      Set<String> ours = Set.copyOf(attempt.splits());
      for (StateLog.Entry e : newer) {
        for (String split : e.splits()) {
          if (ours.contains(split)) {
            taken.add(split);
            byRuns.add(e.runId());
          }
        }
      }
      if (!taken.isEmpty()) {
        for (Publication pub : attempt.publications()) {
          datasets(pub).discard(pub);
          if (!pub.isEmpty()) {
            markers(pub).delete(pub.dataset(), attempt.runId());
          }
        }
        return new Conflict(taken, byRuns);
      }
      LOG.info("{}: state version {} was committed by run {}; committing run {} on top of it", pipeline, base + 1,
          head.runId(), attempt.runId());
      cursors = advance(head.cursors(), attempt.proposed());
      base = head.version();
    }
  }

  /**
   * After the commit: mark the markers committed, publish. A failure here loses nothing (the commit stands; the next
   * run publishes it) and must never discard anything, so it is its own exception.
   */
  private List<DatasetCommit.Result> publishCommitted(StateLog.Entry entry, Attempt attempt) {
    long started = System.nanoTime();
    try {
      for (Publication pub : marked(attempt.publications())) {
        markers(pub).write(new PendingMarkers.Marker(pipeline, attempt.runId(), attempt.startedAt(),
            entry.version(), pub));
      }
      List<DatasetCommit.Result> results = publish(entry);
      int files = attempt.publications().stream().mapToInt(p -> p.files().size()).sum();
      LOG.info("{}: run {} committed as state version {} and published ({} files) in {} ms", pipeline,
          attempt.runId(), entry.version(), files, (System.nanoTime() - started) / 1_000_000);
      expireOldEntries(entry);
      return results;
    } catch (IOException | RuntimeException e) {
      throw new dev.lake.exceptions.PublishIncompleteException("Run " + attempt.runId() + " of " + pipeline
          + " is committed (state version " + entry.version() + "), but publishing it failed: " + e.getMessage()
          + ". Nothing is lost: the next run of " + pipeline + " (or the next commit on its datasets) publishes it "
          + "first.", e);
    }
  }

  /** Every few commits, deletes state entries past retention, so that finding the newest stays one short listing. */
  private void expireOldEntries(StateLog.Entry entry) {
    if (entry.version() % 20 != 0) {
      return;
    }
    try {
      log.expire(pipeline, Instant.now().minus(ManifestStore.ORPHAN_AGE));
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: could not delete old state entries ({}); the next commits try again", pipeline, e.toString());
    }
  }

  /** A run that found nothing to commit: the state stays at {@code base}, every dataset as it is. */
  private Committed unchanged(Attempt attempt, long base) throws IOException {
    List<DatasetCommit.Result> results = new ArrayList<>();
    for (Publication pub : attempt.publications()) {
      results.add(new DatasetCommit.Result(ManifestStore.of(pub.lake()).latest(pub.dataset()).orElse(null), true, 0));
    }
    return new Committed(new StateLog.Entry(1, pipeline, base, attempt.runId(), Instant.now(),
        attempt.cursorsBefore(), List.of(), List.of()), results);
  }

  /** {@code before} with {@code proposed} applied; a cursor never moves backwards (numeric or text order). */
  static Map<String, String> advance(Map<String, String> before, Map<String, String> proposed) {
    Map<String, String> after = new TreeMap<>(before);
    proposed.forEach((key, value) -> after.merge(key, value, (old, next) -> compare(next, old) >= 0 ? next : old));
    return after;
  }

  private static int compare(String a, String b) {
    if (a.matches("-?\\d+") && b.matches("-?\\d+")) {
      return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }
    return a.compareTo(b);
  }

  /** Publishes every publication of a committed entry, then removes its markers and its staged leftovers. */
  private List<DatasetCommit.Result> publish(StateLog.Entry entry) throws IOException {
    List<DatasetCommit.Result> results = new ArrayList<>();
    for (Publication pub : entry.publications()) {
      results.add(datasets(pub).publish(pipeline, entry.version(), entry.runId(), pub));
      if (!pub.isEmpty()) {
        markers(pub).delete(pub.dataset(), entry.runId());
      }
      Leftovers.discardRun(ManifestStore.of(pub.lake()), pub.dataset(), entry.runId());
    }
    return results;
  }

  /** The state log this commit writes. */
  public StateLog log() {
    return log;
  }
}
