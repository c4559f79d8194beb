package dev.lake.internal.runner;

import dev.lake.internal.lake.RunResult;
import dev.lake.io.CommitSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link RunResult} of a committed run, from its plan, what its tasks counted and what each sink committed.
 *
 * <pre>{@code
 * RunResult result = RunReport.of(plan, outcome, summaries, cursorsAfter);
 * }</pre>
 */
final class RunReport {
  private RunReport() {}

  static RunResult of(RunPlan plan, RunOutcome outcome, List<CommitSummary> commits,
      Map<String, String> cursorsAfter) {
    RunSpec pipeline = plan.pipeline;
    Counters total = outcome.counters();
    List<RunResult.Step> steps = new ArrayList<>();
    for (int i = 0; i < pipeline.steps().size(); i++) {
      steps.add(new RunResult.Step(pipeline.steps().get(i).name(), total.stepIn[i], total.stepOut[i],
          total.stepRejected[i], total.stepBatched[i]));
    }
    List<RunResult.Sink> sinks = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      CommitSummary c = commits.get(i);
      sinks.add(new RunResult.Sink(c.sink(), total.sinkIn[i], c.rows(), total.sinkRejected[i], c.files().size(),
          c.bytes(), c.version(), c.unchanged()));
    }
    WarningCounts warnings = new WarningCounts();
    warnings.addAll(plan.planWarnings);
    warnings.addAll(total.warnings);
    return new RunResult(pipeline.name(), plan.runId, plan.inputKey, plan.startedAt,
        Duration.between(plan.startedAt, Instant.now()), outcome.splitIds().size(), total.rowsRead,
        total.sourceRejected, steps, sinks, outcome.badRows(),
        plan.rejectedDataset == null ? null : plan.rejectedDataset.dataset(), Map.copyOf(plan.cursors),
        cursorsAfter, outcome.stoppedAtDeadline(), plan.splitsSkipped, plan.skippedBy, warnings.reports());
  }
}
