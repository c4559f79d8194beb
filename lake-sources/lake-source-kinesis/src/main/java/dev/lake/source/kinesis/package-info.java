/**
 * The Kinesis Data Streams consumer: {@link dev.lake.source.kinesis.KinesisSource}, with per-shard checkpoints that
 * move only after the run's sinks commit.
 *
 * <pre>{@code
 * Pipeline.from(KinesisSource.fromStream("sales").withClient(kinesis).as(Sale.class)).named("sales").to(sink).run();
 * }</pre>
 */
package dev.lake.source.kinesis;
