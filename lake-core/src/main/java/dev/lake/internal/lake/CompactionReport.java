package dev.lake.internal.lake;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a compaction's run report beside the pipelines' ones, as a run's ({@link RunResult}) so that
 * {@code lake runs} and every reader of {@code _lake/runs/} show it: pipeline {@code compact.<zone>.<dataset>}, the
 * rewritten files as splits, their rows in and out of one step named after the rewrite, and the dataset as the sink
 * (its new version, or unchanged).
 *
 * <pre>{@code
 * CompactionReport.write(lake, result, started);   // _lake/runs/compact.processed.sales/<runId>.json
 * }</pre>
 */
final class CompactionReport {
  private static final Logger LOG = LoggerFactory.getLogger(CompactionReport.class);

  private CompactionReport() {}

  /** The write mode of a compaction's commits. */
  static final String MODE = "COMPACT";

  /** The pipeline name compactions of {@code dataset} commit and report under. */
  static String pipelineName(String dataset) {
    return "compact." + dataset.replace('/', '.');
  }

  static RunResult of(Compactor.Result r, java.time.Instant started) {
    List<Compactor.PartitionResult> applied = r.partitions().stream().filter(p -> p.skipped() == null).toList();
    int filesBefore = applied.stream().mapToInt(Compactor.PartitionResult::filesBefore).sum();
    int filesAfter = applied.stream().mapToInt(Compactor.PartitionResult::filesAfter).sum();
    long rows = applied.stream().mapToLong(Compactor.PartitionResult::rows).sum();
    long bytes = applied.stream().mapToLong(Compactor.PartitionResult::bytesAfter).sum();
    String step = "rewrite " + filesBefore + " small files into " + filesAfter;
    return new RunResult(pipelineName(r.dataset()), r.runId(), r.runId(), started, r.duration(), filesBefore, rows,
        0, List.of(new RunResult.Step(step, rows, rows, 0, 0)),
        List.of(new RunResult.Sink("lake:" + r.dataset(), rows, rows, 0, filesAfter, bytes, r.versionAfter(),
            r.versionAfter() == r.versionBefore())),
        List.of(), null, Map.of(), Map.of(), false, 0, List.of(), List.of());
  }

  static void write(LakeRoot lake, Compactor.Result result, java.time.Instant started) {
    RunResult report = of(result, started);
    try {
      lake.store().write(lake.uri("_lake/runs/" + report.pipeline() + "/" + report.runId() + ".json"),
          Json.write(report));
    } catch (IOException e) {
      LOG.warn("Compaction {} finished but its report could not be written: {}", result.runId(), e.toString());
    }
  }
}
