package dev.lake.internal.runner;

import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.SourceException;
import dev.lake.internal.lake.LakeDataset;
import dev.lake.internal.lake.LakePublications;
import dev.lake.internal.lake.LakeRoot;
import dev.lake.internal.lake.Leftovers;
import dev.lake.internal.lake.Manifest;
import dev.lake.internal.lake.PipelineCommit;
import dev.lake.internal.lake.StateLog;
import dev.lake.io.BadRow;
import dev.lake.io.DataFile;
import dev.lake.io.Sink;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SplitLedger;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan step of a run, on the driver. In the pipeline's home lake: publish the pipeline's newest commit if a
 * crash left it half-published, and tidy the datasets it writes ({@link Leftovers}: other runs' crashed commits
 * rolled forward, dead runs' staged files discarded); then read the committed cursors, list the source's splits, and
 * drop every split already in the split ledger of each of the pipeline's lake sinks (under {@code APPEND}): input
 * committed once is never added again, whatever else this run reads. A split some sinks hold and others do not is
 * read for those that do not.
 *
 * <pre>{@code
 * RunPlan.Planned planned = new Planner(spec).plan();
 * }</pre>
 */
final class Planner {
  private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

  private final RunSpec pipeline;
  private final LakeDataset rejectedSink;

  Planner(RunSpec pipeline) {
    this.pipeline = pipeline;
    this.rejectedSink = pipeline.rejectedDataset();
  }

  @SuppressWarnings("unchecked")
  RunPlan.Planned plan() {
    LakeRoot lake = pipeline.home();
    long base = 0;
    Map<String, String> cursors = Map.of();
    String stateRun = "";
    Instant stateAt = Instant.MIN;
    if (lake != null) {
      try {
        Optional<StateLog.Entry> head = new PipelineCommit(lake, pipeline.name()).recover();
        base = head.map(StateLog.Entry::version).orElse(0L);
        cursors = head.isPresent() ? head.get().cursors()
            : new StateLog(lake.store(), lake.root()).legacyCursors(pipeline.name()); // head read once, above
        stateRun = head.map(StateLog.Entry::runId).orElse("");
        stateAt = head.map(StateLog.Entry::committedAt).orElse(Instant.MIN);
      } catch (IOException | RuntimeException e) {
        throw new LakeException("Cannot start a run of " + pipeline.name() + ": its newest commit could not be "
            + "published (" + e.getMessage() + "). Nothing is lost; nothing was read: run again once the store is "
            + "writable, and the commit is published first.", e);
      }
      tidy();
    }
    cursors = newerSinkCursors(cursors, stateRun, stateAt);
    Source<Object> source = (Source<Object>) pipeline.source();
    List<Source<Object>> all;
    WarningCounts warnings = new WarningCounts();
    try {
      all = (List<Source<Object>>) source.split(new PlanningContext(cursors, source.name(), pipeline.name(),
          warnings));
    } catch (IOException e) {
      throw cannotList(source, e);
    }
    return skipCommitted(base, cursors, all, warnings);
  }

  /**
   * The cursors a sink with its own ledger committed with a run the lake's state does not hold and did not commit
   * after (a crash came between the sink's commit and the lake's, or the pipeline has no lake), merged over the
   * state's; otherwise the state's. Without this the source would start behind what the sink holds, and skip that
   * split forever without moving on. A run commits its sinks before the lake's state, so a state entry of another
   * run committed after the sink's commit already started from the sink's cursors.
   */
  private Map<String, String> newerSinkCursors(Map<String, String> cursors, String stateRun, Instant stateAt) {
    Map<String, String> merged = cursors;
    for (Sink<Object> sink : pipeline.sinks()) {
      if (sink instanceof SplitLedger own) {
        Optional<SplitLedger.Cursors> committed;
        try {
          committed = own.committedCursors(pipeline.name());
        } catch (IOException e) {
          throw new LakeException("Cannot read the cursors " + sink.name() + " committed for " + pipeline.name()
              + ": " + e.getMessage(), e);
        }
        if (committed.isPresent() && !committed.get().runId().equals(stateRun)
            && !committed.get().committedAt().isBefore(stateAt) && !committed.get().values().isEmpty()) {
          LOG.info("{}: cursors from {} (run {} committed there{})", pipeline.name(), sink.name(),
              committed.get().runId(), stateRun.isEmpty() ? "" : " after the lake's state, run " + stateRun);
          Map<String, String> next = new java.util.TreeMap<>(merged);
          next.putAll(committed.get().values());
          merged = next;
        }
      }
    }
    return merged;
  }

  /** Rolls other runs' crashed commits forward and discards dead runs' files in the datasets this run writes. */
  private void tidy() {
    Instant now = Instant.now();
    for (LakeDataset sink : lakeSinks()) {
      try {
        Leftovers.cleanUp(LakePublications.manifests(sink), pipeline.name(), sink.dataset(), now);
      } catch (IOException | RuntimeException e) {
        LOG.warn("{}: could not tidy {} before the run ({}); its leftovers are invisible and tidied next time",
            pipeline.name(), sink.dataset(), e.toString());
      }
    }
  }

  private List<LakeDataset> lakeSinks() {
    List<LakeDataset> sinks = new ArrayList<>();
    for (LakeDataset ls : pipeline.datasets()) {
      if (ls != null) {
        sinks.add(ls);
      }
    }
    if (rejectedSink != null) {
      sinks.add(rejectedSink);
    }
    return sinks;
  }

  private RunPlan.Planned skipCommitted(long base, Map<String, String> cursors, List<Source<Object>> all,
      WarningCounts warnings) {
    List<Integer> lakeSinks = new ArrayList<>();
    boolean allAppend = true;
    Map<Integer, Map<String, String>> ledgers = new HashMap<>();
    // A split whose rows were all rejected is in the rejected zone's ledger only: it counts as committed too
    Map<String, String> rejected = rejectedSink == null ? Map.of() : ledger(rejectedSink);
    for (int i = 0; i < pipeline.sinks().size(); i++) {
      Sink<Object> sink = pipeline.sinks().get(i);
      LakeDataset ls = pipeline.dataset(i);
      if (ls != null) {
        lakeSinks.add(i);
        if (ls.appends()) {
          Map<String, String> ledger = new HashMap<>(rejected);
          ledger.putAll(ledger(ls));
          ledgers.put(i, ledger);
        } else {
          allAppend = false;
        }
      } else if (sink instanceof SplitLedger own) {
        lakeSinks.add(i);
        if (own.appendsOnly()) {
          Map<String, String> ledger = new HashMap<>(rejected);
          ledger.putAll(ledger(sink.name(), own));
          ledgers.put(i, ledger);
        } else {
          allAppend = false;
        }
      }
    }
    List<Source<Object>> toRead = new ArrayList<>();
    HashMap<String, HashSet<Integer>> heldBy = new HashMap<>();
    Set<String> committedBy = new LinkedHashSet<>();
    int skipped = 0;
    for (Source<Object> split : all) {
      String id = split.id();
      HashSet<Integer> holders = new HashSet<>();
      ledgers.forEach((sink, ledger) -> {
        if (ledger.containsKey(id)) {
          holders.add(sink);
        }
      });
      if (allAppend && !lakeSinks.isEmpty() && holders.size() == lakeSinks.size()) {
        skipped++;
        holders.forEach(s -> committedBy.add(ledgers.get(s).get(id)));
      } else {
        toRead.add(split);
        if (!holders.isEmpty()) {
          heldBy.put(id, holders);
        }
      }
    }
    if (skipped > 0) {
      LOG.info("{}: {} of {} splits already committed, skipped", pipeline.name(), skipped, all.size());
    }
    committedBy.remove("");
    return new RunPlan.Planned(base, cursors, toRead, heldBy, skipped, List.copyOf(committedBy), warnings);
  }

  /** The split ledger a sink keeps itself (an Iceberg table's snapshots). */
  private static Map<String, String> ledger(String name, SplitLedger sink) {
    try {
      return sink.committedSplits();
    } catch (IOException e) {
      throw new LakeException("Cannot read the split ledger of " + name + " to skip input already committed: "
          + e.getMessage(), e);
    }
  }

  /** The split ledger of a lake sink's dataset: each split id with the run that committed it ("" if unknown). */
  private static Map<String, String> ledger(LakeDataset sink) {
    try {
      Optional<Manifest> latest = LakePublications.manifests(sink).latest(sink.dataset());
      Map<String, String> ledger = new HashMap<>();
      if (latest.isPresent()) {
        latest.get().emptySplits().forEach(s -> ledger.put(s, ""));
        for (DataFile f : latest.get().files()) {
          String run = f.commitKey() == null ? "" : f.commitKey().replaceFirst("^(\\d{8}T\\d{6}Z-[0-9a-f]{8}).*$", "$1");
          f.splits().forEach(s -> ledger.put(s, run));
        }
      }
      return ledger;
    } catch (IOException e) {
      throw new LakeException("Cannot read the manifest of " + sink.dataset() + " to skip input already "
          + "committed: " + e.getMessage(), e);
    }
  }

  /**
   * A stable hash of the pipeline's name, its sinks and the splits it reads. Sinks that are not lake sinks get it as
   * {@link dev.lake.io.CommitContext#commitKey()}: one that keeps a copy per key (an in-memory sink, a table keyed by
   * it) then holds a re-run over the same input once.
   */
  static String inputKey(RunSpec pipeline, List<Source<Object>> splits) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(pipeline.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      pipeline.sinks().forEach(s -> sha.update(("\n>" + s.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      splits.stream().map(Source::id).sorted()
          .forEach(id -> sha.update(("\n<" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The context sources see while splitting: cursors readable, nothing to reject yet, warnings counted. */
  record PlanningContext(Map<String, String> cursors, String source, String pipeline, WarningCounts warnings)
      implements SourceContext {
    @Override
    public void warn(String kind, String message) {
      WarningCounts.log(warnings.add(source, kind, message), pipeline, source, kind, message);
    }

    @Override
    public void reject(BadRow row) {
      throw new LakeException("A source rejected a row while listing its input: " + row);
    }

    @Override
    public Optional<String> cursor(String key) {
      return Optional.ofNullable(cursors.get(key));
    }

    @Override
    public void proposeCursor(String key, String value) {
      throw new LakeException("Sources propose cursors while reading, not while listing: " + key);
    }
  }

  static SourceException cannotList(Source<?> source, IOException e) {
    return new SourceException(source.name(), "Cannot list the input of " + source.id() + ": " + e.getMessage(), e);
  }
}
