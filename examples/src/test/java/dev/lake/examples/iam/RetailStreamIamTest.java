package dev.lake.examples.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.Rows;
import dev.lake.examples.ecommerce.RetailRow;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.examples.streaming.RetailStream;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import dev.lake.lambda.IngestEndpoint;
import dev.lake.testing.Kinesalite;
import dev.lake.source.files.CsvSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The streaming example: the ingest endpoint into kinesalite, then the consumer into raw and processed datasets on
 * s3proxy, run twice (the second run reads its checkpoints). Each part's policy against the calls it made.
 */
class RetailStreamIamTest {
  static S3StandIn s3;
  static Kinesalite kinesis;
  static KinesisClient admin;
  static KinesisClient recorded;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3StandIn("iam-stream");
    kinesis = Kinesalite.start();
    admin = kinesis.client();
    recorded = kinesis.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(s3.calls)).build();
    kinesis.createStream(admin, "iam-sales", 2);
  }

  @AfterAll
  static void stop() throws Exception {
    recorded.close();
    admin.close();
    kinesis.close();
    s3.close();
  }

  @Test
  void requiredPermissions_ingestThenConsumeTwice_exactlyWhatEachPartTouches() {
    List<Sale> sales = CsvSource.of(Sale.class)
        .from(S3StandIn.DATA.toUri() + "online_retail/by-day/2010-12-01.csv.gz").readAll().subList(0, 600);
    IngestEndpoint<Sale> ingest = RetailStream.ingest(recorded, "iam-sales");
    IamPolicy ingestPolicy = ingest.requiredPermissions(S3StandIn.SCOPE);
    s3.calls.clear();
    for (int i = 0; i < sales.size(); i += 200) {
      String body = sales.subList(i, i + 200).stream().map(Rows::toJson).collect(Collectors.joining(",", "[", "]"));
      assertThat(ingest.handle("POST", body.getBytes(StandardCharsets.UTF_8), "req-" + i).status()).isEqualTo(200);
    }
    PolicyAssert.assertExact(ingestPolicy, s3.calls.calls(), Map.of());
    assertThat(ingestPolicy.toJson()).contains("\"kinesis:PutRecords\"",
        "arn:aws:kinesis:us-east-1:123456789012:stream/iam-sales").doesNotContain("s3:");

    Pipeline<RetailRow> consumer = RetailStream.consumer(recorded, "iam-sales", Lake.at("s3://iam-stream/lake"));
    IamPolicy policy = consumer.requiredPermissions(S3StandIn.SCOPE);
    s3.calls.clear();
    assertThat(consumer.run().rowsWritten()).isEqualTo(sales.size());
    assertThat(consumer.run().rowsRead()).isZero();

    PolicyAssert.assertExact(policy, s3.calls.calls(), new OtherPathGrants("arn:aws:s3:::iam-stream/lake/")
        .dataset("raw/ecommerce/sales").dataset("processed/sales").cursors("retail-stream")
        .whenUsed("rejected/sales", "records that are not valid sales go to the rejected zone; there are none")
        .build());
  }
}
