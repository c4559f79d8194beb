package dev.lake.source.kinesis;

import dev.lake.Rows;
import dev.lake.exceptions.SourceException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Reads a Kinesis data stream: every shard, one split per shard, each read until it is caught up (a bounded run),
 * from the shard's checkpoint. Checkpoints are per-shard sequence numbers proposed through
 * {@link SourceContext#proposeCursor} and so saved only after every sink of the run has committed: a consumer
 * killed mid-run reads the uncommitted records again. A split's {@link #id()} holds its shard and starting sequence
 * number: the checkpoints are committed in the same write as the lake's files, so with the lake sink each record
 * lands exactly once.
 *
 * <p><b>Resharding.</b> A parent shard is read to its end before its children: the children of a split are read
 * after their parent in the same split; a shard made by a merge is read from the first run after both its parents
 * were read to their ends.
 *
 * <p><b>Where to start</b> without a checkpoint: {@link InitialPosition#TRIM_HORIZON} (the oldest record, the
 * default) or {@link InitialPosition#LATEST} (records arriving after the first run started; that run saves the time
 * as a checkpoint so that later runs miss nothing).
 *
 * <pre>{@code
 * // given: Lake lake, software.amazon.awssdk.services.kinesis.KinesisClient kinesis
 * Pipeline.from(KinesisSource.fromStream("sales").withClient(kinesis).as(Sale.class)
 *         .withMaxDuration(Duration.ofMinutes(4)))          // or withMaxRecordsPerShard(n); default: until caught up
 *     .named("sales-consumer")                             // keys the checkpoints
 *     .to(lake.processed("sales").partitionBy("year", "month"))
 *     .onBadRows(BadRowPolicy.toRejectedZone())            // records that are not valid JSON rows
 *     .run();
 * }</pre>
 *
 * @param <T> the row type: {@link KinesisRecord} until {@link #as} decodes the records' JSON
 */
public final class KinesisSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;

  /**
   * Where a shard without a checkpoint is read from.
   *
   * <pre>{@code
   * KinesisSource.fromStream("sales").startingAt(InitialPosition.LATEST);
   * }</pre>
   */
  public enum InitialPosition {
    /** The oldest record still in the shard. */
    TRIM_HORIZON,
    /** Records arriving after the first run started. */
    LATEST
  }

  /** Turns a record into a row; a thrown exception rejects the record. */
  interface Decoder<T> extends Serializable {
    T decode(KinesisRecord record);
  }

  final String stream;
  final transient KinesisClient client;
  final Decoder<T> decoder;
  final InitialPosition initial;
  final Duration maxDuration;
  final long maxRecordsPerShard;

  private KinesisSource(String stream, KinesisClient client, Decoder<T> decoder, InitialPosition initial,
      Duration maxDuration, long maxRecordsPerShard) {
    this.stream = stream;
    this.client = client;
    this.decoder = decoder;
    this.initial = initial;
    this.maxDuration = maxDuration;
    this.maxRecordsPerShard = maxRecordsPerShard;
  }

  /** Reads the stream {@code streamName} as {@link KinesisRecord}s; set the client before use. */
  public static KinesisSource<KinesisRecord> fromStream(String streamName) {
    ValidationException.check(streamName != null && streamName.matches("[a-zA-Z0-9_.-]{1,128}"),
        "KinesisSource.fromStream needs a stream name of 1-128 letters, digits, '_', '.' or '-' but got '%s'",
        streamName);
    return new KinesisSource<>(streamName, null, r -> r, InitialPosition.TRIM_HORIZON, null, Long.MAX_VALUE);
  }

  /** Decodes each record's JSON into a record of {@code type} ({@link Rows#fromJson}); bad JSON is rejected. */
  public <R> KinesisSource<R> as(Class<R> type) {
    Objects.requireNonNull(type, "type");
    return new KinesisSource<>(stream, client, r -> Rows.fromJson(r.text(), type), initial, maxDuration,
        maxRecordsPerShard);
  }

  /** Decodes each record's JSON into a generic row of {@code schema}; bad JSON is rejected. */
  public KinesisSource<GenericRecord> as(Schema schema) {
    String json = Objects.requireNonNull(schema, "schema").toString();
    return new KinesisSource<>(stream, client, new SchemaDecoder(json), initial, maxDuration, maxRecordsPerShard);
  }

  /** The client to read with. The caller owns it: the source never closes it. */
  public KinesisSource<T> withClient(KinesisClient kinesis) {
    Objects.requireNonNull(kinesis, "client");
    return copy(c -> c.client = kinesis);
  }

  /** Where shards without a checkpoint start (default {@link InitialPosition#TRIM_HORIZON}). */
  public KinesisSource<T> startingAt(InitialPosition position) {
    Objects.requireNonNull(position, "position");
    return copy(c -> c.initial = position);
  }

  /** Stops reading this long after the run planned its splits, even when not caught up (default: no limit). */
  public KinesisSource<T> withMaxDuration(Duration duration) {
    ValidationException.check(duration != null && !duration.isNegative(),
        "withMaxDuration needs a duration >= 0 but got %s", duration);
    return copy(c -> c.maxDuration = duration);
  }

  /** Reads at most this many records from each shard per run (default: no limit). */
  public KinesisSource<T> withMaxRecordsPerShard(long records) {
    ValidationException.check(records >= 1, "withMaxRecordsPerShard needs at least 1 but got %s", records);
    return copy(c -> c.maxRecordsPerShard = records);
  }

  /** The stream read. */
  public String stream() {
    return stream;
  }

  @Override
  public String name() {
    return "kinesis";
  }

  @Override
  public String id() {
    return "kinesis:" + stream;
  }

  /** One split per shard that may be read now (see the class comment on resharding). */
  @Override
  public List<? extends Source<T>> split(SourceContext ctx) throws IOException {
    return plan(ctx);
  }

  List<ShardSplit<T>> plan(SourceContext ctx) {
    ValidationException.check(client != null, "KinesisSource for %s has no client: call withClient(KinesisClient)",
        stream);
    List<Shard> shards = listShards();
    Map<String, Shard> byId = new HashMap<>();
    Map<String, List<String>> splitChildren = new HashMap<>();
    for (Shard s : shards) {
      byId.put(s.shardId(), s);
      if (s.parentShardId() != null && s.adjacentParentShardId() == null) {
        splitChildren.computeIfAbsent(s.parentShardId(), k -> new ArrayList<>()).add(s.shardId());
      }
    }
    splitChildren.values().forEach(l -> l.sort(Comparator.naturalOrder()));
    long now = System.currentTimeMillis();
    long deadline = maxDuration == null ? Long.MAX_VALUE : now + maxDuration.toMillis();
    List<ShardSplit<T>> splits = new ArrayList<>();
    for (Shard s : shards) {
      String cursor = ctx.cursor(Checkpoints.key(stream, s.shardId())).orElse(null);
      if (Checkpoints.SHARD_END.equals(cursor) || !finished(s.parentShardId(), byId, ctx)
          || !finished(s.adjacentParentShardId(), byId, ctx)) {
        continue; // done, or read after its parents (in their split, or in a later run after a merge)
      }
      String start = cursor != null ? cursor
          : initial == InitialPosition.TRIM_HORIZON ? "TRIM_HORIZON" : Checkpoints.LATEST + now;
      splits.add(new ShardSplit<>(this, s.shardId(), start, splitChildren, deadline));
    }
    return splits;
  }

  /** A parent is finished when it was read to its end or is no longer listed (expired). */
  private boolean finished(String parent, Map<String, Shard> byId, SourceContext ctx) {
    return parent == null || !byId.containsKey(parent)
        || Checkpoints.SHARD_END.equals(ctx.cursor(Checkpoints.key(stream, parent)).orElse(null));
  }

  private List<Shard> listShards() {
    List<Shard> shards = new ArrayList<>();
    try {
      ListShardsResponse page = client.listShards(b -> b.streamName(stream));
      shards.addAll(page.shards());
      while (page.nextToken() != null) {
        String token = page.nextToken();
        page = client.listShards(b -> b.nextToken(token));
        shards.addAll(page.shards());
      }
    } catch (SdkException e) {
      throw new SourceException(name(), "Cannot list the shards of stream '" + stream + "': " + e.getMessage()
          + ". Check the stream name, region and credentials.", e);
    }
    shards.sort(Comparator.comparing(Shard::shardId));
    return shards;
  }

  /** Reads every split in turn (outside a pipeline, e.g. {@link #readAll()}). */
  @Override
  public SourceReader<T> open(SourceContext ctx) throws IOException {
    return new ChainedReader<>(plan(ctx), ctx);
  }

  /**
   * {@code kinesis:ListShards}, {@code kinesis:GetShardIterator} and {@code kinesis:GetRecords} on the stream's ARN,
   * in the client's region (else the scope's). The checkpoints it proposes make the pipeline write its cursor file.
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    dev.lake.iam.IamScope in = client == null ? scope
        : scope.withRegion(client.serviceClientConfiguration().region().id());
    return dev.lake.iam.IamPolicy.of(dev.lake.iam.Permission.allow(
        List.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"),
        in.arn("kinesis", "stream/" + stream)));
  }

  /** True: shard checkpoints are cursors. */
  @Override
  public boolean proposesCursors() {
    return true;
  }

  @Override
  public String toString() {
    return "KinesisSource{stream=" + stream + ", initial=" + initial
        + (maxDuration == null ? "" : ", maxDuration=" + maxDuration)
        + (maxRecordsPerShard == Long.MAX_VALUE ? "" : ", maxRecordsPerShard=" + maxRecordsPerShard) + "}";
  }

  /** Decodes JSON into generic rows of a schema kept as text (serializable). */
  private static final class SchemaDecoder implements Decoder<GenericRecord> {
    private static final long serialVersionUID = 1L;
    private final String schemaJson;
    private transient Schema schema;

    SchemaDecoder(String schemaJson) {
      this.schemaJson = schemaJson;
    }

    @Override
    public GenericRecord decode(KinesisRecord record) {
      if (schema == null) {
        schema = new Schema.Parser().parse(schemaJson);
      }
      return Rows.fromJson(record.text(), schema);
    }
  }

  private KinesisSource<T> copy(java.util.function.Consumer<Copy<T>> change) {
    Copy<T> copy = new Copy<>(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a KinesisSource, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy<T> {
    private String stream;
    private KinesisClient client;
    private Decoder<T> decoder;
    private InitialPosition initial;
    private Duration maxDuration;
    private long maxRecordsPerShard;

    private Copy(KinesisSource<T> original) {
      stream = original.stream;
      client = original.client;
      decoder = original.decoder;
      initial = original.initial;
      maxDuration = original.maxDuration;
      maxRecordsPerShard = original.maxRecordsPerShard;
    }

    private KinesisSource<T> build() {
      return new KinesisSource<>(stream, client, decoder, initial, maxDuration, maxRecordsPerShard);
    }
  }
}
