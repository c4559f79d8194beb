package dev.lake.examples.lambda.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.examples.S3Stage;
import dev.lake.iam.GlobalRecording;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handler in replay mode (the bundled recorded pages, read from local files) into a lake on s3proxy, every SDK call
 * recorded as the IAM action and ARN it needs: the policy it generates for that configuration allows each call, and
 * every grant is used or needed on a named other path.
 */
class TweetsIamTest {
  static final Path DATA = Path.of("..", "..", "data").toAbsolutePath().normalize();

  @Test
  void handleRequest_replay_policyAllowsEveryCallAndGrantsNothingUnused() throws Exception {
    try (S3Stage s3 = S3Stage.start("my-bucket")) {
      s3.settings("s3://my-bucket/lake", "s3://my-bucket/data/").lake(); // serves the bucket from s3proxy
      TweetsHandler handler = new TweetsHandler(TweetsSchedule.fromEnv(Map.of("LAKE_URI", "s3://my-bucket/lake",
          "REPLAY_DATA", DATA.toUri().toString())));
      GlobalRecording.start(IamScope.unknown());

      String summary = handler.handleRequest(new ScheduledEvent(), null);

      List<RecordingInterceptor.Call> calls = GlobalRecording.stop();
      IamPolicy policy = handler.requiredPermissions(IamScope.unknown(), TweetsHandler.FUNCTION_NAME);
      assertThat(summary).contains(" written");
      String logs = "arn:aws:logs:REGION:ACCOUNT_ID:log-group:/aws/lambda/lake-tweets:*";
      OtherPathGrants other = new OtherPathGrants("arn:aws:s3:::my-bucket/lake/")
          .because("logs:CreateLogStream " + logs, "Lambda creates a log stream per execution environment")
          .because("logs:PutLogEvents " + logs, "Lambda writes the function's output to its log stream")
          .because("s3:GetObject arn:aws:s3:::my-bucket/lake/processed/tweet_ids/*", "reads the stored ids of the "
              + "new tweets' days; on a first run there are none")
          .dataset("processed/tweets").dataset("processed/tweet_ids").cursors("tweets")
          .whenUsed("rejected/tweets", "pages that do not parse go to the rejected zone; the recorded ones all do");
      PolicyAssert.assertExact(policy, calls, other.build());
    }
  }
}
