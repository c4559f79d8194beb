package dev.lake.internal.runner;

import dev.lake.internal.lake.RunResult;

/**
 * What the engine's entry points need of the user's types, implemented once by {@code dev.lake} (its package-private
 * {@code PipelineFrontend}, installed with {@link #install} when {@code dev.lake.Pipeline} is initialised, so before
 * any pipeline exists): a pipeline's {@link RunSpec} and the user's result of a {@link RunResult}. The runner SPI
 * ({@code dev.lake.runner.RunnerPlan}) reaches them here: the engine names no {@code dev.lake} type and
 * {@code dev.lake.runner} no package-private class of {@code dev.lake}, so neither joins a package cycle.
 *
 * <pre>{@code
 * PipelineFront<Pipeline<?>, PipelineResult> front = PipelineFront.installed();
 * PipelineResult result = front.result(RunPlan.inRounds(front.spec(pipeline), RunPlan::runHere));
 * }</pre>
 *
 * @param <P> the pipeline type ({@code dev.lake.Pipeline<?>})
 * @param <R> the result type ({@code dev.lake.PipelineResult})
 */
public interface PipelineFront<P, R> {

  /** The run description of {@code pipeline}. */
  RunSpec spec(P pipeline);

  /** The user's result of a committed run. */
  R result(RunResult result);

  /** Installs the one front end; {@code dev.lake.Pipeline} does, once. A second one is refused. */
  static void install(PipelineFront<?, ?> front) {
    InstalledFront.set(front);
  }

  /** The front end {@code dev.lake} installed, for the pipeline and result types it works with. */
  static <P, R> PipelineFront<P, R> installed() {
    return InstalledFront.get();
  }
}
