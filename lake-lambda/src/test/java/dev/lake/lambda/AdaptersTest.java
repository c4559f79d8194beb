package dev.lake.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.lake.BadRowPolicy;
import dev.lake.Column;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.LakeException;
import dev.lake.testing.InMemorySource;
import dev.lake.testing.LocalContext;
import dev.lake.transforms.Buffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptersTest {
  record Sale(@Column("invoice_no") String invoiceNo, int quantity) {}

  @TempDir
  Path dir;

  @Test
  void scheduled_eventFromEventBridge_runsWithTheBudgetLeft() {
    ScheduledEvent event = Events.parse("""
        {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
         "source":"aws.events","account":"123456789012","time":"2026-11-26T08:00:00Z","region":"us-east-1",
         "resources":["arn:aws:events:us-east-1:123456789012:rule/weekly"],"detail":{}}""", ScheduledEvent.class);
    Lake lake = Lake.at(dir.toUri());
    AtomicReference<Duration> budget = new AtomicReference<>();
    ScheduledRunner runner = ScheduledRunner.of(b -> {
      budget.set(b.remaining());
      return Pipeline.from(InMemorySource.of("sales", List.of(new Sale("1", 2)))).named("weekly")
          .to(lake.processed("sales"));
    }).withSafetyMargin(Duration.ofSeconds(20));

    PipelineResult result = runner.handle(event, new LocalContext("test", Duration.ofMillis(60_000)));

    assertThat(event.getId()).isEqualTo("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
    assertThat(result.rowsWritten()).isEqualTo(1);
    assertThat(budget.get()).isBetween(Duration.ofSeconds(39), Duration.ofSeconds(40));
    assertThatThrownBy(() -> runner.withMinimumRunTime(Duration.ofMinutes(1))
        .handle(event, new LocalContext("test", Duration.ofMillis(60_000))))
        .isInstanceOf(LakeException.class)
        .hasMessageMatching("Only \\d+ ms left of the invocation for event 53dc4d37-.*: not starting a run\\. .*");
  }

  @Test
  void s3Event_urlEncodedKeys_areDecodedAndRemovalsIgnored() {
    S3Event event = Events.parse("""
        {"Records":[
          {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2026-11-26T08:00:00.000Z",
           "eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0","configurationId":"c",
           "bucket":{"name":"shop-in","arn":"arn:aws:s3:::shop-in"},
           "object":{"key":"online+retail/2010-12-01+sales%3D1%C3%A9.csv.gz","size":1024,"eTag":"e","sequencer":"1"}}},
          {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2026-11-26T08:00:00.000Z",
           "eventName":"ObjectRemoved:Delete","s3":{"s3SchemaVersion":"1.0","configurationId":"c",
           "bucket":{"name":"shop-in","arn":"arn:aws:s3:::shop-in"},"object":{"key":"old.csv","sequencer":"2"}}}
        ]}""", S3Event.class);
    Lake lake = Lake.at(dir.toUri());
    List<URI> seen = new ArrayList<>();

    var result = S3EventRunner.of((objects, budget) -> {
      seen.addAll(objects);
      return Pipeline.from(InMemorySource.of("files", objects.stream().map(URI::getPath).toList())).named("import")
          .map(p -> new Sale(p, 1)).to(lake.processed("imported"));
    }).handle(event, new LocalContext("test", Duration.ofMillis(60_000)));

    assertThat(seen).singleElement().satisfies(u -> {
      assertThat(u.getScheme() + "://" + u.getHost()).isEqualTo("s3://shop-in");
      assertThat(u.getPath()).isEqualTo("/online retail/2010-12-01 sales=1é.csv.gz");
    });
    assertThat(result).hasValueSatisfying(r -> assertThat(r.rowsWritten()).isEqualTo(1));
  }

  private static String kinesisEvent(List<String> payloads) {
    String records = IntStream.range(0, payloads.size()).mapToObj(i -> """
        {"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"k%1$d","sequenceNumber":"4959%1$04d",
         "data":"%2$s","approximateArrivalTimestamp":1764144000.123},
         "eventSource":"aws:kinesis","eventVersion":"1.0","eventID":"shardId-000000000000:4959%1$04d",
         "eventName":"aws:kinesis:record","invokeIdentityArn":"arn:aws:iam::123456789012:role/r",
         "awsRegion":"us-east-1","eventSourceARN":"arn:aws:kinesis:us-east-1:123456789012:stream/sales"}"""
        .formatted(i, Base64.getEncoder().encodeToString(payloads.get(i).getBytes(StandardCharsets.UTF_8))))
        .collect(Collectors.joining(","));
    return "{\"Records\":[" + records + "]}";
  }

  private static List<String> sales(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "{\"invoice_no\":\"" + i + "\",\"quantity\":" + i + "}").toList();
  }

  /** The budget's clock in these tests: it moves only when a "slow" step says a row took time. */
  private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

  private KinesisEventRunner<Sale> runner(Lake lake, long millisPerRow) {
    return KinesisEventRunner.of(Sale.class, rows -> Pipeline.from(rows).named("sales-events")
        .map("slow", s -> {
          nanos.addAndGet(Duration.ofMillis(millisPerRow).toNanos());
          return s;
        })
        .to(lake.raw("shop", "sales")).onBadRows(BadRowPolicy.toRejectedZone()))
        .withSafetyMargin(Duration.ofSeconds(1)).withTicker(nanos::get);
  }

  @Test
  void kinesisEvent_allRecordsHandled_returnsNoFailuresAndRejectsBadJson() {
    List<String> payloads = new ArrayList<>(sales(0, 3));
    payloads.add(1, "{\"invoice_no\":\"x\",\"quantity\":\"lots\"}");
    KinesisEvent event = Events.parse(kinesisEvent(payloads), KinesisEvent.class);
    Lake lake = Lake.at(dir.toUri());

    StreamsEventResponse response = runner(lake, 0).handle(event, new LocalContext("test", Duration.ofMillis(60_000)));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(lake.read("raw/shop/sales", Sale.class).readAll()).extracting(Sale::quantity)
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(lake.read("rejected/sales").readAll()).singleElement()
        .satisfies(r -> assertThat(r.get("position").toString()).isEqualTo("kinesis:shardId-000000000000:49590001"));
  }

  @Test
  void kinesisEvent_budgetRunsOut_commitsWhatWasReadAndReportsTheFirstRecordLeft() {
    List<String> payloads = sales(0, 40);
    KinesisEvent event = Events.parse(kinesisEvent(payloads), KinesisEvent.class);
    Lake lake = Lake.at(dir.toUri());

    StreamsEventResponse first = runner(lake, 50).handle(event, LocalContext.frozen("test", Duration.ofMillis(1_600)));

    assertThat(first.getBatchItemFailures()).hasSize(1);
    String retryFrom = first.getBatchItemFailures().get(0).getItemIdentifier();
    int committed = lake.read("raw/shop/sales", Sale.class).readAll().size();
    assertThat(committed).isBetween(1, 39);
    assertThat(retryFrom).isEqualTo(String.format("4959%04d", committed));

    // Lambda retries from that record: the rest of the batch
    KinesisEvent rest = Events.parse(kinesisEvent(payloads), KinesisEvent.class);
    rest.setRecords(new ArrayList<>(rest.getRecords().subList(committed, payloads.size())));
    StreamsEventResponse second = runner(lake, 0).handle(rest, new LocalContext("test", Duration.ofMillis(60_000)));

    assertThat(second.getBatchItemFailures()).isEmpty();
    assertThat(lake.read("raw/shop/sales", Sale.class).readAll()).extracting(Sale::quantity)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).boxed().toList());
  }

  @Test
  void kinesisEvent_budgetRunsOutWithABuffer_commitsItsLastBatchAndRetriesFromTheFirstRecordLeft() {
    List<String> payloads = sales(0, 40);
    KinesisEvent event = Events.parse(kinesisEvent(payloads), KinesisEvent.class);
    Lake lake = Lake.at(dir.toUri());
    KinesisEventRunner<Sale> buffered = KinesisEventRunner.of(Sale.class, rows -> Pipeline.from(rows)
        .named("sales-batches")
        .apply(dev.lake.transforms.Step.<Sale, Sale>of("slow", (s, out) -> {
          nanos.addAndGet(Duration.ofMillis(50).toNanos()); // 50 ms a row, on the budget's clock
          out.accept(s);
        }))
        .buffer(Buffer.ofRows(1_000)) // never full: the only batch is the one finish emits when the budget ends
        .flatMap("unbatch", batch -> batch)
        .to(lake.raw("shop", "sales")).onBadRows(BadRowPolicy.toRejectedZone()))
        .withSafetyMargin(Duration.ofSeconds(1)).withTicker(nanos::get);

    StreamsEventResponse response = buffered.handle(event, LocalContext.frozen("test", Duration.ofMillis(1_600)));

    List<Sale> committed = lake.read("raw/shop/sales", Sale.class).readAll();
    assertThat(committed).hasSizeBetween(1, 39);
    assertThat(committed).extracting(Sale::quantity)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, committed.size()).boxed().toList());
    assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(String.format("4959%04d", committed.size()));
  }

  @Test
  void kinesisEvent_runFails_reportsTheFirstRecordSoTheWholeBatchIsRetried() {
    KinesisEvent event = Events.parse(kinesisEvent(sales(0, 3)), KinesisEvent.class);

    StreamsEventResponse response = KinesisEventRunner.of(Sale.class, rows -> Pipeline.from(rows)
        .to(new dev.lake.io.Sink<Sale>() {
          @Override
          public String name() {
            return "down";
          }

          @Override
          public dev.lake.io.SinkWriter<Sale> open(dev.lake.io.WriterContext ctx) {
            return dev.lake.testing.InMemorySink.<Sale>create().open(ctx);
          }

          @Override
          public dev.lake.io.CommitSummary commit(List<dev.lake.io.WriterResult> results,
              dev.lake.io.CommitContext ctx) {
            throw new IllegalStateException("sink down");
          }
        })).handle(event, new LocalContext("test", Duration.ofMillis(60_000)));

    assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("49590000");
  }
}
