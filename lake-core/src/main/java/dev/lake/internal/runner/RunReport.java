package dev.lake.internal.runner;

import dev.lake.PipelineResult;
import dev.lake.SinkReport;
import dev.lake.StepReport;
import dev.lake.io.CommitSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link PipelineResult} of a committed run, from its plan, what its tasks counted and what each sink committed.
 *
 * <pre>{@code
 * PipelineResult result = RunReport.of(plan, outcome, summaries, cursorsAfter);
 * }</pre>
 */
final class RunReport {
  private RunReport() {}

  static PipelineResult of(RunPlan plan, RunOutcome outcome, List<CommitSummary> commits,
      Map<String, String> cursorsAfter) {
    RunSpec pipeline = plan.pipeline;
    Counters total = outcome.counters();
    List<StepReport> steps = new ArrayList<>();
    for (int i = 0; i < pipeline.steps().size(); i++) {
      steps.add(StepReport.builder().name(pipeline.steps().get(i).name()).in(total.stepIn[i])
          .out(total.stepOut[i]).rejected(total.stepRejected[i]).batched(total.stepBatched[i]).build());
    }
    List<SinkReport> sinks = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      CommitSummary c = commits.get(i);
      sinks.add(SinkReport.builder().name(c.sink()).in(total.sinkIn[i]).written(c.rows())
          .rejected(total.sinkRejected[i]).files(c.files().size()).bytes(c.bytes()).version(c.version())
          .unchanged(c.unchanged()).build());
    }
    WarningCounts warnings = new WarningCounts();
    warnings.addAll(plan.planWarnings);
    warnings.addAll(total.warnings);
    return PipelineResult.builder().pipeline(pipeline.name()).runId(plan.runId).commitKey(plan.inputKey)
        .startedAt(plan.startedAt).duration(Duration.between(plan.startedAt, Instant.now()))
        .splits(outcome.splitIds().size()).rowsRead(total.rowsRead).sourceRejected(total.sourceRejected)
        .steps(steps).sinks(sinks).badRows(outcome.badRows())
        .rejectedDataset(plan.rejectedDataset == null ? null : plan.rejectedDataset.dataset())
        .cursorsBefore(Map.copyOf(plan.cursors)).cursorsAfter(cursorsAfter)
        .stoppedAtDeadline(outcome.stoppedAtDeadline()).splitsSkipped(plan.splitsSkipped)
        .skippedCommittedBy(plan.skippedBy).warnings(warnings.reports()).build();
  }
}
