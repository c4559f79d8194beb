package dev.lake.source.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.BadRow;
import dev.lake.io.CrashingSink;
import dev.lake.testing.InMemorySource;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.testing.Kinesalite;
import dev.lake.sink.kinesis.KinesisSink;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

class KinesisSourceTest {
  record Event(String key, int seq, String text) {}

  @AutoClose private static Kinesalite kinesis;
  @AutoClose private static KinesisClient client;
  private static final AtomicInteger STREAMS = new AtomicInteger();

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws IOException {
    kinesis = Kinesalite.start();
    client = kinesis.client();
  }

  private static String newStream(int shards) {
    String name = "source-test-" + STREAMS.incrementAndGet();
    kinesis.createStream(client, name, shards);
    return name;
  }

  private static void put(String stream, int from, int to, int keys) {
    List<Event> rows = IntStream.range(from, to).mapToObj(i -> new Event("k" + (i % keys), i, "event " + i)).toList();
    Pipeline.from(InMemorySource.of("events", rows)).named("producer")
        .to(KinesisSink.<Event>toStream(stream).withClient(client).withPartitionKey("key")).withParallelism(1).run();
  }

  private Pipeline<Event> consumer(Lake lake, String stream) {
    return Pipeline.from(KinesisSource.fromStream(stream).withClient(client).as(Event.class))
        .named("consumer")
        .to(lake.processed("events"));
  }

  private static List<Integer> seqs(Lake lake) {
    return lake.read("events", Event.class).readAll().stream().map(Event::seq).sorted().toList();
  }

  @Test
  void run_threeShards_readsEveryRecordOnceAndCheckpointsEachShard() {
    String stream = newStream(3);
    put(stream, 0, 300, 300);
    Lake lake = Lake.at(dir.toUri());

    PipelineResult first = consumer(lake, stream).run();

    assertThat(first.splits()).isEqualTo(3);
    assertThat(seqs(lake)).isEqualTo(IntStream.range(0, 300).boxed().toList());
    assertThat(lake.cursors("consumer")).hasSize(3).allSatisfy((k, v) -> assertThat(v).matches("\\d+"));

    PipelineResult idle = consumer(lake, stream).run();
    put(stream, 300, 350, 350);
    consumer(lake, stream).run();

    assertThat(idle.rowsRead()).isZero();
    assertThat(seqs(lake)).isEqualTo(IntStream.range(0, 350).boxed().toList());
  }

  @Test
  void run_killedMidwayThenRestarted_landsEveryRecordExactlyOnce() {
    String stream = newStream(2);
    put(stream, 0, 400, 400);
    Lake lake = Lake.at(dir.toUri());
    CrashingSink<Event> crash = new CrashingSink<>("consumer");
    Pipeline<Event> pipeline = consumer(lake, stream).to(crash);

    crash.failAfterRows(150);
    assertThatThrownBy(pipeline::run).isInstanceOf(dev.lake.exceptions.SinkException.class)
        .hasMessageContaining("killed after 150 rows");
    assertThat(lake.cursors("consumer")).as("no checkpoint before a commit").isEmpty();
    assertThat(lake.latest("events")).isEmpty();

    crash.failAtCommit(); // the run dies in its commit: checkpoints and the lake's files commit together, or neither
    assertThatThrownBy(pipeline::run).hasMessageContaining("killed between");
    assertThat(lake.latest("events")).as("nothing committed without its checkpoints").isEmpty();
    assertThat(lake.cursors("consumer")).isEmpty();

    crash.heal();
    put(stream, 400, 450, 450); // more records arrive before the restart
    PipelineResult restarted = pipeline.run();

    assertThat(restarted.rowsRead()).isEqualTo(450);
    assertThat(seqs(lake)).as("every record exactly once").isEqualTo(IntStream.range(0, 450).boxed().toList());
    assertThat(lake.cursors("consumer")).hasSize(2);
    assertThat(pipeline.run().rowsRead()).isZero();
  }

  /** Cursors that are committed by hand, as a run would after its sinks commit. */
  static final class Checkpointing implements SourceContext {
    final Map<String, String> committed = new HashMap<>();
    final Map<String, String> proposed = new HashMap<>();
    final List<BadRow> rejected = new ArrayList<>();

    @Override
    public void reject(BadRow row) {
      rejected.add(row);
    }

    @Override
    public Optional<String> cursor(String key) {
      return Optional.ofNullable(committed.get(key));
    }

    @Override
    public void proposeCursor(String key, String value) {
      proposed.put(key, value);
    }

    void commit() {
      committed.putAll(proposed);
      proposed.clear();
    }
  }

  private static List<Event> readRun(KinesisSource<Event> source, Checkpointing ctx) throws IOException {
    List<Event> out = new ArrayList<>();
    try (SourceReader<Event> reader = source.open(ctx)) {
      reader.forEachRemaining(out::add);
    }
    ctx.commit();
    return out;
  }

  @Test
  void read_splitThenMergedStream_readsParentsBeforeChildrenKeepingOrderPerKey() throws IOException {
    String stream = newStream(2);
    put(stream, 0, 100, 10);
    List<Shard> shards = client.listShards(b -> b.streamName(stream)).shards();
    Shard first = shards.get(0);
    BigInteger mid = new BigInteger(first.hashKeyRange().startingHashKey())
        .add(new BigInteger(first.hashKeyRange().endingHashKey())).shiftRight(1);
    client.splitShard(b -> b.streamName(stream).shardToSplit(first.shardId()).newStartingHashKey(mid.toString()));
    Kinesalite.waitUntilActive(client, stream);
    put(stream, 100, 200, 10);
    List<Shard> afterSplit = client.listShards(b -> b.streamName(stream)).shards();
    String upperChild = afterSplit.stream().filter(s -> first.shardId().equals(s.parentShardId()))
        .filter(s -> s.hashKeyRange().startingHashKey().equals(mid.toString())).findFirst().orElseThrow().shardId();
    client.mergeShards(b -> b.streamName(stream).shardToMerge(upperChild).adjacentShardToMerge(shards.get(1).shardId()));
    Kinesalite.waitUntilActive(client, stream);
    put(stream, 200, 300, 10);
    assertThat(client.listShards(b -> b.streamName(stream)).shards()).hasSize(5);
    KinesisSource<Event> source = KinesisSource.fromStream(stream).withClient(client).as(Event.class);
    Checkpointing ctx = new Checkpointing();

    List<Event> run1 = readRun(source, ctx);
    List<Event> run2 = readRun(source, ctx);
    List<Event> run3 = readRun(source, ctx);

    List<Event> all = new ArrayList<>(run1);
    all.addAll(run2);
    assertThat(all).extracting(Event::seq).doesNotHaveDuplicates().hasSize(300);
    assertThat(run2).as("the merged shard, read after both parents ended").isNotEmpty()
        .allMatch(e -> e.seq() >= 200);
    assertThat(run3).isEmpty();
    Map<String, Integer> last = new HashMap<>();
    for (Event e : all) {
      assertThat(e.seq()).as("order of key %s", e.key()).isGreaterThan(last.getOrDefault(e.key(), -1));
      last.put(e.key(), e.seq());
    }
    assertThat(ctx.committed).containsEntry("kinesis/" + stream + "/" + first.shardId(), "SHARD_END")
        .containsEntry("kinesis/" + stream + "/" + upperChild, "SHARD_END");
  }

  @Test
  void run_recordsThatAreNotJson_areRejectedWithTheirPosition() {
    String stream = newStream(1);
    client.putRecord(b -> b.streamName(stream).partitionKey("p").data(SdkBytes.fromUtf8String("not json")));
    put(stream, 0, 3, 3);
    Lake lake = Lake.at(dir.toUri());

    PipelineResult result = consumer(lake, stream).onBadRows(BadRowPolicy.toRejectedZone()).run();

    assertThat(result.rowsWritten()).isEqualTo(3);
    assertThat(result.rowsRejected()).isEqualTo(1);
    assertThat(result.badRows()).singleElement().satisfies(b -> {
      assertThat(b.reason()).startsWith("Malformed JSON");
      assertThat(b.position()).matches("kinesis:" + stream + "/shardId-000000000000:\\d+");
      assertThat(b.value()).isEqualTo("not json");
    });
    assertThat(lake.cursors("consumer")).hasSize(1);
  }

  @Test
  void run_maxRecordsPerShard_stopsAndContinuesNextRun() {
    String stream = newStream(1);
    put(stream, 0, 25, 25);
    Lake lake = Lake.at(dir.toUri());
    Pipeline<Event> pipeline = Pipeline.from(KinesisSource.fromStream(stream).withClient(client).as(Event.class)
        .withMaxRecordsPerShard(10)).named("consumer").to(lake.processed("events"));

    List<Long> reads = List.of(pipeline.run().rowsRead(), pipeline.run().rowsRead(), pipeline.run().rowsRead(),
        pipeline.run().rowsRead());

    assertThat(reads).containsExactly(10L, 10L, 5L, 0L);
    assertThat(seqs(lake)).isEqualTo(IntStream.range(0, 25).boxed().toList());
  }

  @Test
  void run_latestWithoutCheckpoint_skipsOlderRecordsAndMissesNoneAfterwards() {
    String stream = newStream(1);
    put(stream, 0, 5, 5);
    Lake lake = Lake.at(dir.toUri());
    Pipeline<Event> pipeline = Pipeline.from(KinesisSource.fromStream(stream).withClient(client).as(Event.class)
        .startingAt(KinesisSource.InitialPosition.LATEST)).named("consumer").to(lake.processed("events"));

    assertThat(pipeline.run().rowsRead()).isZero();
    assertThat(lake.cursors("consumer").values()).singleElement().asString().startsWith("AT_TIMESTAMP:");
    put(stream, 5, 8, 8);
    assertThat(pipeline.run().rowsRead()).isEqualTo(3);
    assertThat(seqs(lake)).containsExactly(5, 6, 7);
    // (kinesalite never answers GetShardIterator AT_TIMESTAMP when no record follows the time: the test stops here)
  }
}
