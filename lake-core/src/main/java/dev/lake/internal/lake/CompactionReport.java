package dev.lake.internal.lake;

import dev.lake.CompactionResult;
import dev.lake.PipelineResult;
import dev.lake.SinkReport;
import dev.lake.StepReport;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a compaction's run report beside the pipelines' ones, as a {@link PipelineResult} so that {@code lake runs}
 * and every reader of {@code _lake/runs/} show it: pipeline {@code compact.<zone>.<dataset>}, the rewritten files as
 * splits, their rows in and out of one step named after the rewrite, and the dataset as the sink (its new version,
 * or unchanged).
 *
 * <pre>{@code
 * CompactionReport.write(lake, result, plan, started);   // _lake/runs/compact.processed.sales/<runId>.json
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

  static PipelineResult of(CompactionResult r, Compactor.Plan plan, java.time.Instant started) {
    long bytes = r.partitions().stream().filter(p -> p.skipped() == null)
        .mapToLong(CompactionResult.PartitionResult::bytesAfter).sum();
    String step = "rewrite " + r.filesBefore() + " small files into " + r.filesAfter();
    return PipelineResult.builder().pipeline(pipelineName(r.dataset())).runId(r.runId()).commitKey(r.runId())
        .startedAt(started).duration(r.duration()).splits(r.filesBefore()).rowsRead(r.rows())
        .steps(List.of(StepReport.builder().name(step).in(r.rows()).out(r.rows()).build()))
        .sinks(List.of(SinkReport.builder().name("lake:" + r.dataset()).in(r.rows()).written(r.rows())
            .files(r.filesAfter()).bytes(bytes).version(r.versionAfter()).unchanged(!r.committed()).build()))
        .build();
  }

  static void write(LakeRoot lake, CompactionResult result, Compactor.Plan plan, java.time.Instant started) {
    PipelineResult report = of(result, plan, started);
    try {
      lake.store().write(lake.uri("_lake/runs/" + report.pipeline() + "/" + report.runId() + ".json"),
          Json.write(report));
    } catch (IOException e) {
      LOG.warn("Compaction {} finished but its report could not be written: {}", result.runId(), e.toString());
    }
  }
}
