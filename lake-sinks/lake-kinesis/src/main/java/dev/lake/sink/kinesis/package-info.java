/**
 * The Kinesis Data Streams producer sink ({@link dev.lake.sink.kinesis.KinesisSink}) and a local Kinesis for tests
 * ({@link dev.lake.sink.kinesis.Kinesalite}).
 *
 * <pre>{@code
 * Pipeline.from(rows).to(KinesisSink.<Sale>toStream("sales").withClient(kinesis).withPartitionKey("invoice_no")).run();
 * }</pre>
 */
package dev.lake.sink.kinesis;
