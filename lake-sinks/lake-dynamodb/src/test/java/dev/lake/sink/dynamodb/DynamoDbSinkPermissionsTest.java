package dev.lake.sink.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import dev.lake.testing.Dynalite;
import dev.lake.testing.InMemorySource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** {@code DynamoDbSink.permissions}, per write mode, against the calls a pipeline into dynalite really makes. */
class DynamoDbSinkPermissionsTest {
  record Line(String id, int n, String text) {}

  static final RecordingInterceptor CALLS = new RecordingInterceptor(IamScope.of("eu-central-1", "123456789012"));
  @AutoClose static Dynalite dynamo;
  @AutoClose static DynamoDbClient admin;
  @AutoClose static DynamoDbClient recorded;

  @BeforeAll
  static void start() throws IOException {
    dynamo = Dynalite.start();
    admin = dynamo.client();
    recorded = dynamo.clientBuilder().region(Region.EU_CENTRAL_1)
        .overrideConfiguration(c -> c.addExecutionInterceptor(CALLS)).build();
  }

  @ParameterizedTest
  @EnumSource(DynamoDbSink.WriteMode.class)
  void permissions_eachMode_exactlyTheCallsOfThatModeOnThatTable(DynamoDbSink.WriteMode mode) {
    String table = "iam-" + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    DynamoDbTables.table(table).partitionKey("id", ScalarAttributeType.S).sortKey("n", ScalarAttributeType.N)
        .createIfAbsent(admin);
    List<Line> rows = IntStream.range(0, 60).mapToObj(i -> new Line("L" + (i % 7), i, "line " + i)).toList();
    DynamoDbSink<Line> sink = DynamoDbSink.<Line>toTable(table).withClient(recorded).withPartitionKey("id")
        .withSortKey("n");
    sink = mode == DynamoDbSink.WriteMode.UPDATE ? sink.withMode(mode, "text") : sink.withMode(mode);
    Pipeline<Line> p = Pipeline.from(InMemorySource.of("lines", rows)).named("lines").to(sink);
    IamPolicy policy = p.requiredPermissions(IamScope.of(null, "123456789012"));
    CALLS.clear();

    assertThat(p.run().rowsWritten()).isEqualTo(60);

    assertThat(policy.toJson()).contains("arn:aws:dynamodb:eu-central-1:123456789012:table/" + table);
    assertThat(policy.statements()).hasSize(1);
    PolicyAssert.assertExact(policy, CALLS.calls(), Map.of());
  }
}
