package dev.lake.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.BadRowPolicy;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.BadRow;
import dev.lake.testing.InMemorySource;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import dev.lake.testing.Kinesalite;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class KinesisSinkTest {
  record Event(String key, int seq, String text) {}

  @AutoClose private static Kinesalite kinesis;
  @AutoClose private static KinesisClient client;
  private static final AtomicInteger STREAMS = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    kinesis = Kinesalite.start();
    client = kinesis.client();
  }

  private static String newStream(int shards) {
    String name = "sink-test-" + STREAMS.incrementAndGet();
    kinesis.createStream(client, name, shards);
    return name;
  }

  private static List<Event> events(int count, int keys) {
    return IntStream.range(0, count).mapToObj(i -> new Event("k" + (i % keys), i, "event " + i)).toList();
  }

  private static WriterResult writeAll(KinesisSink<Event> sink, List<Event> rows, List<BadRow> rejects)
      throws IOException {
    try (SinkWriter<Event> w = sink.open(WriterContext.of("test", 0, rejects::add))) {
      for (Event e : rows) {
        w.write(e);
      }
      return w.commit();
    }
  }

  @Test
  void commit_1234Rows_sendsThreeFullRequestsAndEveryRowOnce() throws IOException {
    String stream = newStream(2);
    FaultyClient counting = new FaultyClient(client, 0, Set.of());
    KinesisSink<Event> sink = KinesisSink.<Event>toStream(stream).withClient(counting);

    WriterResult result = writeAll(sink, events(1234, 1234), new ArrayList<>());

    assertThat(counting.requestSizes).containsExactly(500, 500, 234);
    assertThat(result.rows()).isEqualTo(1234);
    assertThat(StreamReader.readAll(client, stream)).hasSize(1234).doesNotHaveDuplicates();
  }

  @Test
  void write_perRecordFailures_retriesUntilEveryRowLandsOnceInOrderPerKey() throws IOException {
    String stream = newStream(3);
    FaultyClient faulty = new FaultyClient(client, 0.3, Set.of());
    KinesisSink<Event> sink = KinesisSink.<Event>toStream(stream).withClient(faulty).withPartitionKey("key")
        .withMaxAttempts(30).withBackoff(Duration.ZERO, Duration.ofMillis(2));
    List<BadRow> rejects = new ArrayList<>();

    WriterResult result = writeAll(sink, events(3000, 40), rejects);

    assertThat(faulty.forcedFailures.get()).isGreaterThan(500);
    assertThat(faulty.duplicateKeyInRequest).as("two records with one key in a request").isFalse();
    assertThat(rejects).isEmpty();
    assertThat(result.rows()).isEqualTo(3000);
    assertThat(Long.parseLong(result.metadata().get("retried"))).isEqualTo(faulty.forcedFailures.get());
    List<String> landed = StreamReader.readAll(client, stream);
    assertThat(landed).hasSize(3000).doesNotHaveDuplicates();
    Map<String, Integer> last = new HashMap<>();
    for (String line : landed) {
      String key = line.substring(0, line.indexOf('\t'));
      int seq = Integer.parseInt(line.replaceAll(".*\"seq\":(\\d+).*", "$1"));
      assertThat(seq).as("order of key %s", key).isGreaterThan(last.getOrDefault(key, -1));
      last.put(key, seq);
    }
  }

  @Test
  void write_recordAlwaysFailing_isRejectedWithItsErrorAfterMaxAttempts() throws IOException {
    String stream = newStream(1);
    FaultyClient faulty = new FaultyClient(client, 0, Set.of("k3"));
    KinesisSink<Event> sink = KinesisSink.<Event>toStream(stream).withClient(faulty).withPartitionKey("key")
        .withMaxAttempts(4).withBackoff(Duration.ZERO, Duration.ofMillis(1));
    List<BadRow> rejects = new ArrayList<>();

    WriterResult result = writeAll(sink, events(50, 10), rejects);

    assertThat(rejects).hasSize(5).allSatisfy(r -> {
      assertThat(r.step()).isEqualTo("kinesis:" + stream);
      assertThat(r.reason()).startsWith("Kinesis did not accept the record after 4 attempts; last error "
          + "ProvisionedThroughputExceededException: Rate exceeded");
      assertThat(r.value()).contains("\"key\":\"k3\"");
    });
    assertThat(result.rows()).isEqualTo(45);
    assertThat(StreamReader.readAll(client, stream)).hasSize(45).noneMatch(l -> l.startsWith("k3\t"));
  }

  @Test
  void write_rowOver1MiB_isRejectedBeforeAnyCall() throws IOException {
    String stream = newStream(1);
    FaultyClient counting = new FaultyClient(client, 0, Set.of());
    KinesisSink<Event> sink = KinesisSink.<Event>toStream(stream).withClient(counting);
    List<BadRow> rejects = new ArrayList<>();

    try (SinkWriter<Event> w = sink.open(WriterContext.of("test", 0, rejects::add))) {
      w.write(new Event("big", 1, "x".repeat(1024 * 1024)));
      assertThat(counting.calls.get()).isZero();
      w.write(new Event("small", 2, "fits"));
      w.commit();
    }

    assertThat(rejects).singleElement().satisfies(r -> assertThat(r.reason())
        .matches("Record of 1,048,6\\d\\d bytes \\(data and partition key\\) exceeds Kinesis's limit of 1,048,576 "
            + "bytes per record"));
    assertThat(StreamReader.readAll(client, stream)).hasSize(1);
  }

  @Test
  void run_pipelineWithBadKeys_reconcilesAndLeavesCallersClientOpen() {
    String stream = newStream(2);
    List<Event> rows = new ArrayList<>(events(100, 7));
    rows.add(new Event(null, 100, "no key"));
    rows.add(new Event("k".repeat(300), 101, "key too long"));

    PipelineResult result = Pipeline.from(InMemorySource.of("events", rows).withSplits(2))
        .named("events-to-kinesis")
        .to(KinesisSink.<Event>toStream(stream).withClient(client).withPartitionKey("key"))
        .onBadRows(BadRowPolicy.collect(10))
        .run();

    assertThat(result.rowsWritten()).isEqualTo(100);
    assertThat(result.rowsRejected()).isEqualTo(2);
    assertThat(result.reconciles()).isTrue();
    assertThat(result.badRows()).extracting(BadRow::reason).containsExactlyInAnyOrder(
        "Partition key null is invalid: Kinesis needs 1-256 characters",
        "Partition key '" + "k".repeat(300) + "' is invalid: Kinesis needs 1-256 characters");
    assertThat(StreamReader.readAll(client, stream)).hasSize(100);
  }

  @Test
  void open_withoutClientOrWithUnknownKeyField_failsNamingTheFix() {
    assertThatThrownBy(() -> KinesisSink.<Event>toStream("s").open(WriterContext.of("k", 0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("kinesis:s has no client: call withClient(KinesisClient)");
    SinkWriter<Event> writer = KinesisSink.<Event>toStream("s").withClient(client).withPartitionKey("id")
        .open(WriterContext.of("k", 0));
    assertThatThrownBy(() -> writer.write(new Event("a", 1, "t")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("kinesis:s: rows have no field 'id' for the partition key; fields are [key, seq, text]");
    assertThatThrownBy(() -> KinesisSink.toStream("bad name"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("stream name of 1-128 letters");
  }

  @Test
  void write_unknownStream_failsNamingTheStream() {
    SinkWriter<Event> writer = KinesisSink.<Event>toStream("missing").withClient(client)
        .open(WriterContext.of("k", 0));

    assertThatThrownBy(() -> {
      writer.write(new Event("a", 1, "t"));
      writer.commit();
    }).isInstanceOf(dev.lake.exceptions.SinkException.class)
        .hasMessageStartingWith("PutRecords to stream 'missing' failed: ResourceNotFoundException");
  }

  @Test
  void close_twiceWithoutCommit_discardsUnsentRows() throws IOException {
    String stream = newStream(1);
    SinkWriter<Event> writer = KinesisSink.<Event>toStream(stream).withClient(client).open(WriterContext.of("k", 0));
    writer.write(new Event("a", 1, "t"));
    writer.close();
    writer.close();

    assertThat(StreamReader.readAll(client, stream)).isEmpty();
    assertThat(client.listStreams().streamNames()).contains(stream); // the caller's client is still open
  }
}
