package dev.lake.internal.runner;

import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.SplitsCommittedException;
import dev.lake.internal.lake.DatasetCommit;
import dev.lake.internal.lake.Json;
import dev.lake.internal.lake.LakeDataset;
import dev.lake.internal.lake.LakePublications;
import dev.lake.internal.lake.LakeRoot;
import dev.lake.internal.lake.ManifestStore;
import dev.lake.internal.lake.PipelineCommit;
import dev.lake.internal.lake.Publication;
import dev.lake.internal.lake.RunResult;
import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit step of a run, once, on the driver: the bad-row policy over the whole run; the sinks that do not stage
 * (DynamoDB, Kinesis: already written, idempotent or at least once) and those that commit on their own, checking
 * their own split ledger (Iceberg tables, {@link dev.lake.io.SplitLedger}), commit first; then every lake sink's staged files,
 * the rejected zone's, the cursors and the split ledger are committed in one conditional write of the pipeline's state
 * ({@link PipelineCommit}) and published; then the run report is written. Losing to a concurrent run that committed
 * some of the same splits is {@link CommitLost}: nothing of this attempt is left, and the runner plans the next
 * round.
 *
 * <pre>{@code
 * RunResult result = new RunCommit(plan).commit(outcome);
 * }</pre>
 */
final class RunCommit {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommit.class);

  private final RunPlan plan;
  private final RunSpec pipeline;

  RunCommit(RunPlan plan) {
    this.plan = plan;
    this.pipeline = plan.pipeline;
  }

  RunResult commit(RunOutcome outcome) {
    try {
      BadRows.checkTotal(pipeline.badRowPolicy(), outcome.badRowCount(), outcome.badRows());
    } catch (RuntimeException e) {
      abort(plan, outcome);
      throw RunPlan.beforeCommit(e);
    }
    LakeRoot lake = pipeline.home();
    Map<String, String> cursorsAfter = new TreeMap<>(plan.cursors);
    cursorsAfter.putAll(outcome.proposedCursors());
    CommitContext ctx = CommitContext.builder().pipeline(pipeline.name()).commitKey(plan.inputKey).runId(plan.runId)
        .startedAt(plan.startedAt).cursors(cursorsAfter).build();
    CommitSummary[] summaries = new CommitSummary[pipeline.sinks().size()];
    List<Publication> publications = new ArrayList<>();
    List<Integer> publishedSinks = new ArrayList<>();
    try {
      for (int s = 0; s < pipeline.sinks().size(); s++) {
        Sink<Object> sink = pipeline.sinks().get(s);
        LakeDataset ls = pipeline.dataset(s);
        if (ls != null && lake != null) {
          publications.add(LakePublications.of(ls, outcome.forSink(s), splitsFor(s, outcome), plan.attemptId()));
          publishedSinks.add(s);
        } else {
          summaries[s] = sink.commit(outcome.forSink(s), ctx);
        }
      }
      if (plan.rejectedSink != null) {
        publications.add(LakePublications.of(plan.rejectedDataset, outcome.rejectedResults(),
            pipeline.source().proposesCursors() ? List.of() : outcome.splitIds(), plan.attemptId()));
      }
    } catch (SplitsCommittedException e) {
      // A sink with its own ledger found some of this run's splits committed meanwhile: read the rest again
      abort(plan, outcome);
      throw new CommitLost(new PipelineCommit.Conflict(e.splits(), e.byRuns()));
    } catch (IOException | RuntimeException e) {
      abort(plan, outcome);
      throw e instanceof IOException io ? failed(io) : RunPlan.beforeCommit((RuntimeException) e);
    }
    Map<String, String> after = new TreeMap<>(plan.cursors);
    if (lake != null) {
      PipelineCommit.Outcome result = commitState(lake, outcome, publications);
      if (result instanceof PipelineCommit.Conflict conflict) {
        throw new CommitLost(conflict);
      }
      PipelineCommit.Committed committed = (PipelineCommit.Committed) result;
      after = committed.entry().cursors();
      for (int i = 0; i < publishedSinks.size(); i++) {
        int s = publishedSinks.get(i);
        summaries[s] = LakePublications.summary(pipeline.dataset(s), publications.get(i),
            committed.results().get(i));
      }
    } else {
      after.putAll(outcome.proposedCursors());
    }
    RunResult report = RunReport.of(plan, outcome, List.of(summaries), after);
    if (lake != null) {
      writeReport(lake, report);
    }
    LOG.info(report.summary());
    return report;
  }

  /**
   * The splits a sink's ledger records beyond those its files hold: those read, less those it held already. For a
   * source that proposes cursors, none: its next split starts at the committed cursor and so has a new identity,
   * while a split that gave no row (an empty shard read from its start, a poll that found nothing) must be read again
   * from the same place, so it must not be in the ledger.
   */
  private List<String> splitsFor(int sink, RunOutcome outcome) {
    if (pipeline.source().proposesCursors()) {
      return List.of();
    }
    return outcome.splitIds().stream().filter(id -> !plan.held(sink, id)).toList();
  }

  private PipelineCommit.Outcome commitState(LakeRoot lake, RunOutcome outcome, List<Publication> publications) {
    PipelineCommit.Attempt attempt = new PipelineCommit.Attempt(plan.runId, plan.startedAt, plan.baseVersion,
        plan.cursors, outcome.proposedCursors(), outcome.splitIds(), publications);
    try {
      return new PipelineCommit(lake, pipeline.name()).commit(attempt);
    } catch (IOException e) {
      discard(publications);
      throw failed(e);
    } catch (dev.lake.exceptions.CommitStateUnknownException | dev.lake.exceptions.PublishIncompleteException e) {
      throw e; // committed, or maybe: what it staged may be published yet, never discard it
    } catch (RuntimeException e) {
      discard(publications);
      throw RunPlan.beforeCommit(e);
    }
  }

  private LakeException failed(IOException e) {
    return new LakeException("Commit of run " + plan.runId + " of " + pipeline.name() + " failed: "
        + Causes.message(e) + ". Nothing was committed; run again.", e);
  }

  private void discard(List<Publication> publications) {
    for (Publication p : publications) {
      try {
        new DatasetCommit(ManifestStore.of(p.lake())).discard(p);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not discard the staged files of run {} in {}: {}; they stay invisible and are removed "
            + "once the run is provably dead", plan.runId, p.dataset(), e.toString());
      }
    }
  }

  /** Discards what the tasks staged, for a run that will not commit (best effort: staged files are invisible). */
  static void abort(RunPlan plan, RunOutcome outcome) {
    RunSpec pipeline = plan.pipeline;
    List<List<WriterResult>> perSink = new ArrayList<>();
    for (int s = 0; s < pipeline.sinks().size(); s++) {
      perSink.add(outcome.sinkResults().isEmpty() ? List.of() : outcome.forSink(s));
    }
    for (int s = 0; s < pipeline.sinks().size(); s++) {
      try {
        pipeline.sinks().get(s).abort(perSink.get(s));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not clean up after failed run {}: {}", plan.runId, e.toString());
      }
    }
    if (plan.rejectedSink != null) {
      try {
        plan.rejectedSink.abort(outcome.rejectedResults());
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not clean up the rejected rows of failed run {}: {}", plan.runId, e.toString());
      }
    }
  }

  private void writeReport(LakeRoot lake, RunResult result) {
    try {
      lake.store().write(lake.uri("_lake/runs/" + pipeline.name() + "/" + result.runId() + ".json"),
          Json.write(result));
    } catch (IOException e) {
      LOG.warn("Run {} committed but its report could not be written: {}", result.runId(), e.toString());
    }
  }
}
