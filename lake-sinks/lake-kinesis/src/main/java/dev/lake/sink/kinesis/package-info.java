/**
 * The Kinesis Data Streams producer sink ({@link dev.lake.sink.kinesis.KinesisSink}). A local Kinesis for tests
 * ({@code dev.lake.testing.Kinesalite}) is in the lake-testing artifact.
 *
 * <pre>{@code
 * Pipeline.from(rows).to(KinesisSink.<Sale>toStream("sales").withClient(kinesis).withPartitionKey("invoice_no")).run();
 * }</pre>
 */
package dev.lake.sink.kinesis;
