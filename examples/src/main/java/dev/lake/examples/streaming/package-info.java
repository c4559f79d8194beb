/**
 * The e-commerce stream: ingest endpoint → Kinesis → consumer → raw and processed zones
 * ({@link dev.lake.examples.streaming.RetailStream}).
 *
 * <pre>{@code
 * RetailStream.consumer(kinesis, "sales", Lake.at("s3://bucket/lake")).run();
 * }</pre>
 */
package dev.lake.examples.streaming;
