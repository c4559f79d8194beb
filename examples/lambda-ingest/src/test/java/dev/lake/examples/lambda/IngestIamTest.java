package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lake.iam.GlobalRecording;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import dev.lake.testing.Kinesalite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The handler against kinesalite, every SDK call recorded as the IAM action and ARN it needs: the generated policy
 * (the committed one) allows each call, and every grant is used or needed on a named other path.
 */
class IngestIamTest {
  @Test
  void handleRequest_twoLines_policyAllowsEveryCallAndGrantsNothingUnused() throws Exception {
    System.setProperty("aws.region", "us-east-1");
    try (Kinesalite kinesis = Kinesalite.start(); KinesisClient client = kinesis.client()) {
      kinesis.createStream(client, "sales", 1);
      IngestHandler handler = new IngestHandler("sales", client);
      String line = "{\"invoice_no\":\"%s\",\"stock_code\":\"85123A\",\"description\":\"WHITE HANGING HEART\","
          + "\"quantity\":6,\"invoice_date\":\"2010-12-01T08:26:00\",\"unit_price\":2.55,\"customer_id\":17850,"
          + "\"country\":\"United Kingdom\"}";
      GlobalRecording.start(IamPolicyFileTest.DOCUMENTED);

      APIGatewayProxyResponseEvent response = handler.handleRequest(new APIGatewayProxyRequestEvent()
          .withHttpMethod("POST").withBody("[" + line.formatted("536365") + "," + line.formatted("536366") + "]"),
          null);

      List<RecordingInterceptor.Call> calls = GlobalRecording.stop();
      IamPolicy policy = handler.requiredPermissions(IamPolicyFileTest.DOCUMENTED, IngestHandler.FUNCTION_NAME);
      assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 299);
      assertThat(calls).extracting(RecordingInterceptor.Call::action).contains("kinesis:PutRecords");
      assertThat(policy.toJson()).as("the policy tested is the committed one")
          .isEqualTo(Files.readString(Path.of("iam-policy.json")));
      String logs = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/lake-ingest:*";
      PolicyAssert.assertExact(policy, calls, Map.of(
          "logs:CreateLogStream " + logs, "Lambda creates a log stream per execution environment",
          "logs:PutLogEvents " + logs, "Lambda writes the function's output to its log stream"));
    }
  }
}
