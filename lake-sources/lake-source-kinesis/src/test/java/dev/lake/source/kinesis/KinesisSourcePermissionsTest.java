package dev.lake.source.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import dev.lake.testing.InMemorySource;
import dev.lake.testing.Kinesalite;
import dev.lake.sink.kinesis.KinesisSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** {@code KinesisSource.permissions} against the calls a consumer of kinesalite really makes, over two runs. */
class KinesisSourcePermissionsTest {
  record Event(String key, int seq) {}

  static final RecordingInterceptor CALLS = new RecordingInterceptor(IamScope.of("us-east-1", "123456789012"));
  @AutoClose static Kinesalite kinesis;
  @AutoClose static KinesisClient admin;
  @AutoClose static KinesisClient recorded;

  @BeforeAll
  static void start() throws IOException {
    kinesis = Kinesalite.start();
    admin = kinesis.client();
    recorded = kinesis.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(CALLS)).build();
  }

  @Test
  void permissions_consumerIntoLocalLake_readsOnlyThatStreamAndWritesItsCursors(@TempDir Path dir) {
    kinesis.createStream(admin, "iam-source", 2);
    List<Event> rows = IntStream.range(0, 120).mapToObj(i -> new Event("k" + i, i)).toList();
    Pipeline.from(InMemorySource.of("events", rows)).named("producer")
        .to(KinesisSink.<Event>toStream("iam-source").withClient(admin).withPartitionKey("key")).run();
    Lake lake = Lake.at(dir.toUri());
    Pipeline<Event> consumer = Pipeline.from(KinesisSource.fromStream("iam-source").withClient(recorded)
        .as(Event.class)).named("consumer").to(lake.processed("events"));
    IamPolicy policy = consumer.requiredPermissions(IamScope.of(null, "123456789012"));

    assertThat(consumer.run().rowsWritten()).isEqualTo(120);
    assertThat(consumer.run().rowsRead()).isZero(); // from the checkpoints

    assertThat(consumer.source().proposesCursors()).isTrue();
    assertThat(policy.toJson()).contains("arn:aws:kinesis:us-east-1:123456789012:stream/iam-source");
    PolicyAssert.assertExact(policy, CALLS.calls(), Map.of());
  }
}
