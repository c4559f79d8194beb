package dev.lake.sink.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Reads every record of a stream from the beginning, shard after shard (each shard in order). */
final class StreamReader {
  private StreamReader() {}

  /** Records as {@code partitionKey TAB data}, per shard in sequence order, shards one after another. */
  static List<String> readAll(KinesisClient client, String stream) {
    List<String> out = new ArrayList<>();
    for (Shard shard : client.listShards(b -> b.streamName(stream)).shards()) {
      String it = client.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (it != null) {
        String current = it;
        GetRecordsResponse r = client.getRecords(b -> b.shardIterator(current).limit(10_000));
        r.records().forEach(rec -> out.add(rec.partitionKey() + "\t" + rec.data().asString(StandardCharsets.UTF_8)));
        it = r.records().isEmpty() ? null : r.nextShardIterator();
      }
    }
    return out;
  }
}
