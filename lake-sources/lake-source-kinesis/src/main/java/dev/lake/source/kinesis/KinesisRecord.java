package dev.lake.source.kinesis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One record read from a Kinesis stream, as {@link KinesisSource#fromStream} yields it before any decoding.
 *
 * <pre>{@code
 * // given: Lake lake, software.amazon.awssdk.services.kinesis.KinesisClient kinesis
 * Pipeline.from(KinesisSource.fromStream("tweets").withClient(kinesis))
 *     .map("parse", r -> Rows.fromJson(r.text(), Tweet.class))
 *     .to(lake.raw("twitter", "tweets"))
 *     .run();
 * }</pre>
 *
 * @param shardId the shard it was read from
 * @param sequenceNumber its sequence number (unique per shard, increasing)
 * @param partitionKey the partition key it was written with
 * @param arrivedAt when Kinesis accepted it (approximate arrival timestamp)
 * @param text its data as UTF-8 text (JSON for records written by {@code KinesisSink})
 */
public record KinesisRecord(String shardId, String sequenceNumber, String partitionKey, Instant arrivedAt,
    String text) {

  /** The data as bytes (UTF-8). */
  public byte[] data() {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
