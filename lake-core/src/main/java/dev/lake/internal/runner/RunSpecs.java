package dev.lake.internal.runner;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.LakeSink;
import dev.lake.Pipeline;
import dev.lake.internal.format.RecordRows;
import dev.lake.internal.lake.LakeDataset;
import dev.lake.internal.lake.LakeRoot;
import dev.lake.io.Sink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds the {@link RunSpec} of a pipeline, for the entry points ({@code Pipeline.run()},
 * {@code PipelineRunner.local()}, {@code RunnerPlan.inRounds}): the one engine class that reads a {@link Pipeline}
 * and tells lake sinks from other sinks. It is here rather than in {@code dev.lake} because {@code dev.lake.runner}
 * cannot reach a package-private builder there without joining {@code dev.lake}'s package cycle.
 *
 * <pre>{@code
 * RunSpec spec = RunSpecs.of(pipeline);
 * }</pre>
 */
public final class RunSpecs {
  private RunSpecs() {}

  /** The run description of {@code pipeline}. */
  public static RunSpec of(Pipeline<?> pipeline) {
    List<LakeSink<?>> lakeSinks = new ArrayList<>();
    List<LakeDataset> datasets = new ArrayList<>();
    for (Sink<Object> s : pipeline.sinks()) {
      LakeSink<?> ls = s instanceof LakeSink<?> lakeSink ? lakeSink : null;
      lakeSinks.add(ls);
      datasets.add(ls == null ? null : LakeDataset.of(ls));
    }
    Lake lake = pipeline.lake();
    LakeSink<GenericRecord> rejected = rejectedSink(pipeline, lakeSinks);
    return new RunSpec(pipeline.name(), pipeline.source(), pipeline.steps(), pipeline.sinks(),
        Collections.unmodifiableList(datasets), lake == null ? null : new LakeRoot(lake.root()), rejected,
        rejected == null ? null : LakeDataset.of(rejected), limit(pipeline.badRowPolicy()), pipeline.deadline(),
        pipeline.parallelism(), RecordRows.installed()); // Pipeline installed it as it loaded
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
    LakeSink<GenericRecord> sink = (LakeSink) lake.rejected(name).withSchema(RunState.REJECTED_SCHEMA);
    return sink;
  }
}
