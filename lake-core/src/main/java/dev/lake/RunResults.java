package dev.lake;

import dev.lake.internal.lake.RunResult;

/**
 * The public reports of a run and the engine's {@link RunResult}, each way: the engine builds and writes a
 * {@code RunResult} (it names no type of this package), users get a {@link PipelineResult}, whose derived counts and
 * summary the {@code RunResult} computes (one implementation of each).
 *
 * <pre>{@code
 * PipelineResult result = RunResults.toPublic(new LocalRunner(RunSpecs.of(pipeline)).run());
 * long filtered = RunResults.toEngine(result).rowsFiltered();
 * }</pre>
 */
final class RunResults {
  private RunResults() {}

  /** The public result of a committed run. */
  static PipelineResult toPublic(RunResult r) {
    return PipelineResult.builder().pipeline(r.pipeline()).runId(r.runId()).commitKey(r.commitKey())
        .startedAt(r.startedAt()).duration(r.duration()).splits(r.splits()).rowsRead(r.rowsRead())
        .sourceRejected(r.sourceRejected())
        .steps(r.steps().stream().map(s -> StepReport.builder().name(s.name()).in(s.in()).out(s.out())
            .rejected(s.rejected()).batched(s.batched()).build()).toList())
        .sinks(r.sinks().stream().map(k -> SinkReport.builder().name(k.name()).in(k.in()).written(k.written())
            .rejected(k.rejected()).files(k.files()).bytes(k.bytes()).version(k.version()).unchanged(k.unchanged())
            .build()).toList())
        .badRows(r.badRows()).rejectedDataset(r.rejectedDataset()).cursorsBefore(r.cursorsBefore())
        .cursorsAfter(r.cursorsAfter()).stoppedAtDeadline(r.stoppedAtDeadline()).splitsSkipped(r.splitsSkipped())
        .skippedCommittedBy(r.skippedCommittedBy())
        .warnings(r.warnings().stream().map(w -> WarningReport.builder().step(w.step()).kind(w.kind())
            .count(w.count()).examples(w.examples()).build()).toList())
        .build();
  }

  /** The engine's report of {@code r}, for the counts and summary it derives. */
  static RunResult toEngine(PipelineResult r) {
    return new RunResult(r.pipeline(), r.runId(), r.commitKey(), r.startedAt(), r.duration(), r.splits(),
        r.rowsRead(), r.sourceRejected(), r.steps().stream().map(RunResults::toEngine).toList(),
        r.sinks().stream().map(k -> new RunResult.Sink(k.name(), k.in(), k.written(), k.rejected(), k.files(),
            k.bytes(), k.version(), k.unchanged())).toList(),
        r.badRows(), r.rejectedDataset(), r.cursorsBefore(), r.cursorsAfter(), r.stoppedAtDeadline(),
        r.splitsSkipped(), r.skippedCommittedBy(),
        r.warnings().stream().map(w -> new RunResult.Warning(w.step(), w.kind(), w.count(), w.examples()))
            .toList());
  }

  /** The engine's counts of one step, for those it derives. */
  static RunResult.Step toEngine(StepReport s) {
    return new RunResult.Step(s.name(), s.in(), s.out(), s.rejected(), s.batched());
  }
}
