package dev.lake.internal.lake;

/**
 * The one line of {@link RunResult#summary()} (and of {@code PipelineResult.summary()}): counts, batches, skipped
 * splits, each sink's commit, warnings.
 */
final class RunSummary {
  private RunSummary() {}

  static String of(RunResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%s: %,d in, %,d written, %,d rejected, %,d filtered", r.pipeline(), r.rowsIn(),
        r.rowsWritten(), r.rowsRejected(), r.rowsFiltered()));
    if (r.rowsAdded() != 0) {
      sb.append(String.format(", %,d added by steps", r.rowsAdded()));
    }
    for (RunResult.Step s : r.steps()) {
      if (s.batched() > 0) {
        sb.append(String.format(", %,d rows in %,d batches by %s", s.batched(), s.out(), s.name()));
      }
    }
    sb.append(String.format(" in %.1f s", r.duration().toMillis() / 1000.0));
    if (r.splitsSkipped() > 0) {
      sb.append(String.format("; %,d of %,d splits already committed%s, skipped", r.splitsSkipped(),
          r.splitsSkipped() + r.splits(), r.skippedCommittedBy().isEmpty() ? "" : " (by run " + String.join(", ",
              r.skippedCommittedBy()) + ")"));
    }
    for (RunResult.Sink k : r.sinks()) {
      if (k.unchanged()) {
        sb.append(String.format("; %s unchanged (nothing to commit%s)", k.name(),
            k.version() == 0 ? ", no version yet" : ", still v" + k.version()));
      } else {
        sb.append(String.format("; %s v%d: %,d files, %,d bytes", k.name(), k.version(), k.files(), k.bytes()));
      }
    }
    if (r.stoppedAtDeadline()) {
      sb.append("; stopped at the deadline (the rest is read by the next run)");
    }
    if (r.rejectedDataset() != null && r.rowsRejected() > 0) {
      sb.append("; bad rows in ").append(r.rejectedDataset());
    }
    if (!r.warnings().isEmpty()) {
      sb.append("; warnings: ").append(String.join(", ", r.warnings().stream()
          .map(w -> String.format("%,d %s (%s)", w.count(), w.kind(), w.step())).toList()));
    }
    return sb.toString();
  }
}
