package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.S3Stage;
import dev.lake.iam.GlobalRecording;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handler on s3proxy in the documented bucket, every SDK call recorded as the IAM action and ARN it needs: the
 * generated policy (the committed one) allows each call, and every grant is used or needed on a named other path.
 * The SnapStart priming runs first, as it would before the snapshot.
 */
class RetailImportIamTest {
  @Test
  void handleRequest_twoDays_policyAllowsEveryCallAndGrantsNothingUnused() throws Exception {
    try (S3Stage s3 = S3Stage.start("shop-lake")) {
      RetailImportHandler handler = new RetailImportHandler(s3.settings("s3://shop-lake/lake", "s3://shop-lake/data/"));
      for (String day : List.of("2010-12-01", "2010-12-02")) {
        s3.upload(RetailImportHandlerTest.BY_DAY.resolve(day + ".csv.gz"), "lake/raw/online_retail/" + day + ".csv.gz");
      }
      s3.upload(S3Stage.DATA.resolve("online_retail/SOURCE.md"), "lake/raw/online_retail_notes/SOURCE.md");
      GlobalRecording.start(IamPolicyFileTest.DOCUMENTED);

      handler.priming.beforeCheckpoint(null); // SnapStart primes once, before its snapshot
      String summary = handler.handleRequest(RetailImportHandlerTest.eventIn("shop-lake",
          "lake/raw/online_retail/2010-12-01.csv.gz", "lake/raw/online_retail/2010-12-02.csv.gz"), null);

      List<RecordingInterceptor.Call> calls = GlobalRecording.stop();
      IamPolicy policy = handler.requiredPermissions(IamPolicyFileTest.DOCUMENTED, RetailImportHandler.FUNCTION_NAME);
      assertThat(summary).contains("0 rejected");
      assertThat(policy.toJson()).as("the policy tested is the committed one")
          .isEqualTo(Files.readString(Path.of("iam-policy.json")));
      assertThat(policy.allows("s3:GetObject", "arn:aws:s3:::shop-lake/lake/raw/online_retail_notes/SOURCE.md",
          Map.of())).as("objects beside the trigger prefix").isFalse();
      assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::shop-lake", Map.of("s3:prefix", "lake/raw/")))
          .as("listing the raw zone").isFalse();
      String logs = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/lake-ecommerce-import:*";
      Map<String, String> other = new OtherPathGrants("arn:aws:s3:::shop-lake/lake/")
          .dataset("processed/online_retail").cursors("online-retail")
          .whenUsed("rejected/online_retail", "bad lines go to the rejected zone; these two days have none")
          .because("logs:CreateLogStream " + logs, "Lambda creates a log stream per execution environment")
          .because("logs:PutLogEvents " + logs, "Lambda writes the function's output to its log stream")
          .build();
      PolicyAssert.assertExact(policy, calls, other);
    }
  }
}
