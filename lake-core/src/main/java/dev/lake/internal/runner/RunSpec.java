package dev.lake.internal.runner;

import dev.lake.internal.format.RecordRows;
import dev.lake.internal.lake.LakeDataset;
import dev.lake.internal.lake.LakeRoot;
import dev.lake.io.Sink;
import dev.lake.io.Source;
import dev.lake.transforms.Step;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * What the runner needs of a pipeline, engine-side: its name, source, steps and sinks, the datasets of the lake sinks
 * among them by position (so the runner needs no class checks), the home lake, the rejected zone, the bad-row policy, the
 * deadline and the parallelism. Built at the entry points by {@code dev.lake}'s package-private {@code RunSpecs}
 * (the runner SPI reaches it through {@link PipelineFront}); serializable, as plans that carry it go to other
 * machines.
 *
 * <pre>{@code
 * RunSpec spec = PipelineFront.installed().spec(pipeline);
 * LakeDataset first = spec.dataset(0);   // null when sink 0 is not a lake sink
 * }</pre>
 *
 * @param name the pipeline's name
 * @param source what the pipeline reads
 * @param steps the steps, in order
 * @param sinks every sink, in order
 * @param datasets the same positions as {@code sinks}: the dataset a lake sink writes into, else null
 * @param home the home lake (where the pipeline's state and run reports are), or null for none
 * @param rejectedSink the rejected zone's sink when bad rows go there, else null
 * @param rejectedDataset the rejected zone's dataset when bad rows go there, else null
 * @param badRowPolicy what a bad row does to the run (the pipeline's {@code BadRowPolicy})
 * @param deadline when reading stops, or null for no deadline
 * @param parallelism the workers of a local run, or 0 for the number of processors
 * @param records {@code dev.lake}'s record model, for bad rows that are Java records; carried so that reading the
 *     spec back on another machine installs it there ({@link RecordRows#installed()}) before any step runs
 */
public record RunSpec(String name, Source<?> source, List<Step<Object, Object>> steps, List<Sink<Object>> sinks,
    List<LakeDataset> datasets, LakeRoot home, Sink<GenericRecord> rejectedSink, LakeDataset rejectedDataset,
    BadRowLimit badRowPolicy,
    Instant deadline, int parallelism, RecordRows records) implements Serializable {

  /** The schema of the rejected zone's rows, for the rejected zone's sink that the entry points make. */
  public static org.apache.avro.Schema rejectedRowSchema() {
    return RunState.REJECTED_SCHEMA;
  }

  /** The dataset sink {@code s} writes into when it is a lake sink (it commits through the lake's state), else null. */
  public LakeDataset dataset(int s) {
    return datasets.get(s);
  }
}
