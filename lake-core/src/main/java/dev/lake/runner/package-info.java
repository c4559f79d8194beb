/**
 * The runner SPI: what a runner that spreads a pipeline over other machines (lake-spark's {@code SparkRunner}) needs
 * of Lake, without reaching into its engine. {@link dev.lake.PipelineRunner} is what users pass to
 * {@code pipeline.run(runner)}; a runner implements it on top of {@link dev.lake.runner.RunnerPlan} and
 * {@link dev.lake.runner.TaskOutcome}.
 *
 * <p><b>How a runner works.</b> A run has three steps, shaped like Spark's {@code FileCommitProtocol} (setupJob,
 * setupTask / commitTask, commitJob / abortJob). <i>Plan</i>, on the driver:
 * {@link dev.lake.runner.RunnerPlan#inRounds} plans the run (finishes a crashed commit, reads the cursors, lists the
 * source's splits and drops those already committed) and hands the plan to the runner. <i>Task</i>, anywhere: the
 * runner deals the plan's {@link dev.lake.runner.RunnerPlan#splits() splits} into tasks, ships the plan (it is
 * {@link java.io.Serializable}, without its splits) and each task's splits to where the tasks run, and calls
 * {@link dev.lake.runner.RunnerPlan#runTask} once per task attempt: the task reads its splits through the pipeline's
 * steps into sink writers that stage files under names unique to the attempt (nothing is visible) and returns a
 * serializable {@link dev.lake.runner.TaskOutcome}. <i>Publish</i>, once, on the driver:
 * {@link dev.lake.runner.RunnerPlan#commit} takes one outcome per task (those of the successful attempts), merges the
 * partials of a step that merges across workers (an aggregate) and writes its results, then commits every sink, the
 * rejected zone, the cursors and the run report in one conditional write. It is the only step that makes anything
 * visible, and it deletes whatever other attempts staged. A run that will not commit calls
 * {@link dev.lake.runner.RunnerPlan#abort} with the outcomes it holds, or {@link dev.lake.runner.RunnerPlan#discardAll}
 * when it lost some.
 *
 * <p><b>What a runner must guarantee</b> for exactly once: each split is read by one task; each task's outcome is
 * passed to the commit once (a retried or speculative attempt's outcome never beside another attempt's of the same
 * task; {@code commit} refuses two outcomes of one task or one split); every attempt of a task gets its own attempt
 * number; nothing is committed when a task failed for good; a {@link dev.lake.exceptions.BadRowException} from a task
 * fails the run without a retry (the retry would read the same row). The commit's exceptions propagate out of the
 * round, so that {@code inRounds} plans again when a concurrent run committed some of the same splits first.
 *
 * <pre>{@code
 * PipelineRunner onThreads = pipeline -> RunnerPlan.inRounds(pipeline, plan -> {
 *   List<TaskOutcome> outcomes = new ArrayList<>();
 *   List<Source<Object>> splits = plan.splits();
 *   for (int task = 0; task < splits.size(); task++) {
 *     outcomes.add(plan.runTask(task, 0, List.of(splits.get(task))));
 *   }
 *   return plan.commit(outcomes);
 * });
 * }</pre>
 */
package dev.lake.runner;
