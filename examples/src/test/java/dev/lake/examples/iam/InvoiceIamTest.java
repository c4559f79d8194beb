package dev.lake.examples.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.examples.ecommerce.invoices.InvoiceLine;
import dev.lake.examples.ecommerce.invoices.InvoiceTable;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyAssert;
import dev.lake.testing.Dynalite;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The invoice loader: two days of Online Retail files on s3proxy into the invoices table in dynalite. Its policy:
 * read exactly those files (the glob as an IAM pattern), list their folder, and BatchWriteItem on the table.
 */
class InvoiceIamTest {
  static S3StandIn s3;
  static Dynalite dynamo;
  static DynamoDbClient admin;
  static DynamoDbClient recorded;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3StandIn("iam-invoices");
    s3.upload("online_retail", "iam-invoices", "data/", "glob:by-day/2010-12-0[1-3].csv.gz");
    dynamo = Dynalite.start();
    admin = dynamo.client();
    recorded = dynamo.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(s3.calls)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    recorded.close();
    admin.close();
    dynamo.close();
    s3.close();
  }

  @Test
  void requiredPermissions_loaderFromS3IntoDynamoDb_exactlyWhatTheRunTouches() {
    InvoiceTable table = InvoiceTable.named("iam-invoices");
    table.create(admin);
    Pipeline<InvoiceLine> loader = table.loader(URI.create("s3://iam-invoices/data/"), "2010-12-0[12].csv.gz",
        recorded);
    IamPolicy policy = loader.requiredPermissions(IamScope.of(null, "123456789012"));
    s3.calls.clear();

    assertThat(loader.run().rowsWritten()).isPositive();

    assertThat(s3.calls.calls()).noneMatch(c -> c.resource().endsWith("2010-12-03.csv.gz"));
    assertThat(policy.allows("s3:GetObject", "arn:aws:s3:::iam-invoices/data/online_retail/by-day/2010-12-03.csv.gz",
        Map.of())).isFalse();
    assertThat(policy.toJson()).contains("arn:aws:dynamodb:us-east-1:123456789012:table/iam-invoices");
    PolicyAssert.assertExact(policy, s3.calls.calls(), Map.of());
  }
}
