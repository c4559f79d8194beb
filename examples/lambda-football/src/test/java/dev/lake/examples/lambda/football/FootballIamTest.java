package dev.lake.examples.lambda.football;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.examples.S3Stage;
import dev.lake.iam.GlobalRecording;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handler in replay mode (the bundled recorded responses, read from local files) into a lake on s3proxy, every SDK
 * call recorded as the IAM action and ARN it needs: the policy it generates for that configuration allows each call,
 * and every grant is used or needed on a named other path. Live, the two capture stages replace the replayed tweets;
 * they share the code that generates the committed policy.
 */
class FootballIamTest {
  @Test
  void handleRequest_replay_policyAllowsEveryCallAndGrantsNothingUnused() throws Exception {
    try (S3Stage s3 = S3Stage.start("my-bucket")) {
      s3.settings("s3://my-bucket/lake", "s3://my-bucket/data/").lake(); // serves the bucket from s3proxy
      s3.upload(FootballHandlerTest.DATA.resolve("api_football/teamcodes.csv"), "lake/reference/teamcodes.csv");
      FootballHandler handler = new FootballHandler(FootballSchedule.fromEnv(Map.of("LAKE_URI", "s3://my-bucket/lake",
          "REPLAY_DATA", FootballHandlerTest.DATA.toUri().toString())));
      GlobalRecording.start(IamScope.unknown());

      String summary = handler.handleRequest(new ScheduledEvent(), null);

      List<RecordingInterceptor.Call> calls = GlobalRecording.stop();
      IamPolicy policy = handler.requiredPermissions(IamScope.unknown(), FootballHandler.FUNCTION_NAME);
      assertThat(summary.lines()).hasSize(5);
      String logs = "arn:aws:logs:REGION:ACCOUNT_ID:log-group:/aws/lambda/lake-football:*";
      OtherPathGrants other = new OtherPathGrants("arn:aws:s3:::my-bucket/lake/")
          .because("logs:CreateLogStream " + logs, "Lambda creates a log stream per execution environment")
          .because("logs:PutLogEvents " + logs, "Lambda writes the function's output to its log stream")
          .because("s3:GetObject arn:aws:s3:::my-bucket/lake/reference/teamcodes.csv/*", "a location that is a "
              + "folder is read as its files (the file source's rule for a plain location)");
      Map<String, String> pipelines = Map.of("fixtures", "football-fixtures", "fixture_statistics",
          "football-statistics", "team_codes", "football-team-codes", "tweets_sentiment", "football-tweets-sentiment",
          "tweets", "tweets");
      pipelines.forEach((dataset, pipeline) -> other.dataset("processed/" + dataset).cursors(pipeline)
          .whenUsed("rejected/" + dataset, "bad rows go to the rejected zone; the recorded responses have none"));
      other.dataset("processed/tweet_ids"); // the tweets' key index, written with them (read from a second run on)
      PolicyAssert.assertExact(policy, calls, other.build());
    }
  }
}
