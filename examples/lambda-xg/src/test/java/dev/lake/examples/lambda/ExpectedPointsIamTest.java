package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
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
 */
class ExpectedPointsIamTest {
  @Test
  void handleRequest_firstRun_policyAllowsEveryCallAndGrantsNothingUnused() throws Exception {
    try (S3Stage s3 = S3Stage.start("shop-lake")) {
      s3.uploadTree(ExpectedPointsHandlerTest.UNDERSTAT, "data/epl_2020_21_xg/understat/");
      s3.upload(S3Stage.DATA.resolve("online_retail/SOURCE.md"), "data/online_retail/SOURCE.md");
      ExpectedPointsHandler handler = new ExpectedPointsHandler(s3.settings("s3://shop-lake/lake",
          "s3://shop-lake/data/"));
      GlobalRecording.start(IamPolicyFileTest.DOCUMENTED);

      String summary = handler.handleRequest(new ScheduledEvent(), null);

      List<RecordingInterceptor.Call> calls = GlobalRecording.stop();
      IamPolicy policy = handler.requiredPermissions(IamPolicyFileTest.DOCUMENTED,
          ExpectedPointsHandler.FUNCTION_NAME);
      assertThat(summary).contains(" 0 rejected").contains("team_season: ");
      assertThat(policy.toJson()).as("the policy tested is the committed one")
          .isEqualTo(Files.readString(Path.of("iam-policy.json")));
      assertThat(policy.allows("s3:GetObject", "arn:aws:s3:::shop-lake/data/online_retail/SOURCE.md", Map.of()))
          .as("other data beside the input").isFalse();
      String logs = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/lake-xg:*";
      OtherPathGrants other = new OtherPathGrants("arn:aws:s3:::shop-lake/lake/")
          .because("logs:CreateLogStream " + logs, "Lambda creates a log stream per execution environment")
          .because("logs:PutLogEvents " + logs, "Lambda writes the function's output to its log stream")
          .dataset("processed/team_matches").dataset("processed/team_season")
          .cursors("xg-team-matches").cursors("xg-team-season")
          .whenUsed("rejected/team_matches", "bad rows go to the rejected zone; the bundled files have none");
      PolicyAssert.assertExact(policy, calls, other.build());
    }
  }
}
