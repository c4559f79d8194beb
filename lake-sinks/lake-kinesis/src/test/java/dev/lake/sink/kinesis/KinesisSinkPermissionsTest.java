package dev.lake.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import dev.lake.testing.InMemorySource;
import dev.lake.testing.Kinesalite;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** {@code KinesisSink.permissions} against the calls a pipeline into kinesalite really makes. */
class KinesisSinkPermissionsTest {
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
  void permissions_pipelineIntoStream_putRecordsOnThatStreamInTheClientsRegion() {
    kinesis.createStream(admin, "iam-sink", 2);
    List<Event> rows = IntStream.range(0, 700).mapToObj(i -> new Event("k" + i, i)).toList();
    Pipeline<Event> p = Pipeline.from(InMemorySource.of("events", rows)).named("producer")
        .to(KinesisSink.<Event>toStream("iam-sink").withClient(recorded).withPartitionKey("key"));
    // the scope's region is not the client's: the client's wins
    IamPolicy policy = p.requiredPermissions(IamScope.of("eu-west-1", "123456789012"));

    assertThat(p.run().rowsWritten()).isEqualTo(700);

    assertThat(policy.toJson()).contains("arn:aws:kinesis:us-east-1:123456789012:stream/iam-sink")
        .doesNotContain("eu-west-1");
    assertThat(CALLS.calls()).extracting(RecordingInterceptor.Call::action).containsOnly("kinesis:PutRecords");
    PolicyAssert.assertExact(policy, CALLS.calls(), Map.of());
  }
}
