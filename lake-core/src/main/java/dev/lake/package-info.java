/**
 * Lake's user API: {@link dev.lake.Pipeline} (describe and run a pipeline), {@link dev.lake.Lake} and
 * {@link dev.lake.LakeSink} (the lake layout and its datasets), {@link dev.lake.PipelineResult} (the run report),
 * {@link dev.lake.BadRowPolicy}, and schemas for Java records ({@link dev.lake.Schemas}, {@link dev.lake.Rows}).
 *
 * <pre>{@code
 * Pipeline.from(source).map(Row::of).to(Lake.at("./lake").processed("rows")).run();
 * }</pre>
 */
package dev.lake;
