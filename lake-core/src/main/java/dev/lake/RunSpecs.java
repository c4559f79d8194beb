package dev.lake;

import dev.lake.internal.lake.LakeDataset;
import dev.lake.internal.runner.BadRowLimit;
import dev.lake.internal.runner.RunSpec;
import dev.lake.io.Sink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds the engine's {@link RunSpec} of a pipeline, for the entry points ({@code Pipeline.run()},
 * {@code PipelineRunner.local()}, and {@code RunnerPlan.inRounds} through the engine's
 * {@link dev.lake.internal.runner.PipelineFront}, which {@link Pipeline} installs): the one class that reads a
 * {@link Pipeline} for the engine and tells lake sinks from other sinks, so that the engine names no type of this
 * package.
 *
 * <pre>{@code
 * RunSpec spec = RunSpecs.of(pipeline);
 * }</pre>
 */
final class RunSpecs {
  private RunSpecs() {}

  /** The run description of {@code pipeline}. */
  static RunSpec of(Pipeline<?> pipeline) {
    List<LakeSink<?>> lakeSinks = new ArrayList<>();
    List<LakeDataset> datasets = new ArrayList<>();
    for (Sink<Object> s : pipeline.sinks()) {
      LakeSink<?> ls = s instanceof LakeSink<?> lakeSink ? lakeSink : null;
      lakeSinks.add(ls);
      datasets.add(ls == null ? null : ls.toDataset());
    }
    Lake lake = pipeline.lake();
    LakeSink<GenericRecord> rejected = rejectedSink(pipeline, lakeSinks);
    return new RunSpec(pipeline.name(), pipeline.source(), pipeline.steps(), pipeline.sinks(),
        Collections.unmodifiableList(datasets), lake == null ? null : lake.location(), rejected,
        rejected == null ? null : rejected.toDataset(), limit(pipeline.badRowPolicy()), pipeline.deadline(),
        pipeline.parallelism(), RecordModel.install());
  }

  private static BadRowLimit limit(BadRowPolicy policy) {
    return new BadRowLimit(policy.mode() == BadRowPolicy.Mode.FAIL_FAST,
        policy.mode() == BadRowPolicy.Mode.REJECTED_ZONE, policy.maxRejected());
  }

  /** The rejected zone of a pipeline whose bad rows go there: the first lake sink's dataset name, else its own. */
  private static LakeSink<GenericRecord> rejectedSink(Pipeline<?> pipeline, List<LakeSink<?>> lakeSinks) {
    Lake lake = pipeline.lake();
    if (lake == null || pipeline.badRowPolicy().mode() != BadRowPolicy.Mode.REJECTED_ZONE) {
      return null;
    }
    String name = pipeline.name();
    for (LakeSink<?> ls : lakeSinks) {
      if (ls != null) {
        String d = ls.dataset();
        name = d.substring(d.lastIndexOf('/') + 1);
        break;
      }
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    LakeSink<GenericRecord> sink = (LakeSink) lake.rejected(name).withSchema(RunSpec.rejectedRowSchema());
    return sink;
  }
}
