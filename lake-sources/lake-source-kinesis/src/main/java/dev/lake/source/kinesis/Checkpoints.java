package dev.lake.source.kinesis;

/**
 * The cursor values a shard's checkpoint takes: a sequence number (read up to and including it), {@link #SHARD_END}
 * (a closed shard read to its end: its children may be read), or {@code AT_TIMESTAMP:<epoch millis>} (nothing read
 * yet from a stream consumed from LATEST: read from that time on).
 */
final class Checkpoints {
  static final String SHARD_END = "SHARD_END";
  static final String AT_TIMESTAMP = "AT_TIMESTAMP:";
  /** A split's start (never a checkpoint): LATEST, for a run that started at the epoch millis that follow. */
  static final String LATEST = "LATEST:";

  private Checkpoints() {}

  /** The cursor key of a shard, e.g. {@code kinesis/sales/shardId-000000000001}. */
  static String key(String stream, String shardId) {
    return "kinesis/" + stream + "/" + shardId;
  }
}
