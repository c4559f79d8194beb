package dev.lake.internal.runner;

import dev.lake.exceptions.LakeException;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the runner SPI ({@code dev.lake.runner.RunnerPlan}) gets the {@link RunSpec} of a user's pipeline: the reader
 * is {@code dev.lake}'s package-private {@code RunSpecs}, which {@code dev.lake.Pipeline} installs here when its
 * class is initialised (so before any pipeline exists). The engine names no {@code dev.lake} type, and
 * {@code dev.lake.runner} reaches no package-private class of {@code dev.lake}: neither joins a package cycle.
 *
 * <pre>{@code
 * RunSpec spec = RunSpecReader.read(pipeline);   // pipeline: a dev.lake.Pipeline
 * }</pre>
 */
public final class RunSpecReader {
  private static volatile Function<Object, RunSpec> reader;

  private RunSpecReader() {}

  /** Installs the one reader; {@code dev.lake.Pipeline} does, once. A second, different reader is refused. */
  public static synchronized void install(Function<Object, RunSpec> pipelineReader) {
    Objects.requireNonNull(pipelineReader, "pipelineReader");
    if (reader != null && reader != pipelineReader) {
      throw new LakeException("The pipeline reader is installed already (by dev.lake.Pipeline); there is one");
    }
    reader = pipelineReader;
  }

  /** The run description of {@code pipeline}, a {@code dev.lake.Pipeline}. */
  public static RunSpec read(Object pipeline) {
    Objects.requireNonNull(pipeline, "pipeline");
    Function<Object, RunSpec> installed = reader;
    if (installed == null) { // cannot happen: a pipeline exists only once its class installed the reader
      throw new LakeException("No pipeline reader installed: dev.lake.Pipeline installs it when it is loaded");
    }
    return installed.apply(pipeline);
  }
}
