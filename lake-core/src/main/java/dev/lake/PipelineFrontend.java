package dev.lake;

import dev.lake.internal.lake.RunResult;
import dev.lake.internal.runner.PipelineFront;
import dev.lake.internal.runner.RunSpec;

/**
 * This package's side of the engine's entry points, installed by {@link Pipeline} for the runner SPI
 * ({@code dev.lake.runner}): a pipeline's run description ({@link RunSpecs}) and the public result of a run
 * ({@link RunResults}).
 *
 * <pre>{@code
 * PipelineFront.install(new PipelineFrontend());   // once, in Pipeline's static initialiser
 * }</pre>
 */
final class PipelineFrontend implements PipelineFront<Pipeline<?>, PipelineResult> {
  @Override
  public RunSpec spec(Pipeline<?> pipeline) {
    return RunSpecs.of(pipeline);
  }

  @Override
  public PipelineResult result(RunResult result) {
    return RunResults.toPublic(result);
  }
}
