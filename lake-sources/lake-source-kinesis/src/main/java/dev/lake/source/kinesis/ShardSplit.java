package dev.lake.source.kinesis;

import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.util.List;
import java.util.Map;

/**
 * One shard from one starting point, then (when the shard ends) its children made by a split. Its id names the shard
 * and the start: two runs reading from the same checkpoint read the same split, and only one can commit it.
 */
final class ShardSplit<T> implements Source<T> {
  private static final long serialVersionUID = 1L;

  final KinesisSource<T> source;
  final String shardId;
  final String start;
  final Map<String, List<String>> splitChildren;
  final long deadlineMillis;

  ShardSplit(KinesisSource<T> source, String shardId, String start, Map<String, List<String>> splitChildren,
      long deadlineMillis) {
    this.source = source;
    this.shardId = shardId;
    this.start = start;
    this.splitChildren = Map.copyOf(splitChildren);
    this.deadlineMillis = deadlineMillis;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public String id() {
    return "kinesis:" + source.stream + "/" + shardId + "@" + start;
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) {
    return new ShardReader<>(this, ctx);
  }

  @Override
  public String toString() {
    return id();
  }
}
