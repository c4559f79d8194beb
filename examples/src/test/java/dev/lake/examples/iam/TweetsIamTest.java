package dev.lake.examples.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.replay.RecordedResponses;
import dev.lake.examples.tweets.TweetRow;
import dev.lake.examples.tweets.Tweets;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incremental tweets pipeline (the bundled raw pages in one bucket, the lake in another, on s3proxy), run twice so
 * that the second run reads the cursors the first saved: its policy allows every call both runs make and grants
 * nothing else but the usual grants on its datasets, the key index of stored tweet ids included (read only when a new
 * page comes: none does in the second run).
 */
class TweetsIamTest {
  static S3StandIn s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3StandIn("iam-tweets-raw", "iam-tweets-lake");
    s3.upload("twitter_v2", "iam-tweets-raw", "in/");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void requiredPermissions_twoIncrementalRunsOnS3_exactlyWhatTheRunsTouch() {
    Lake lake = Lake.at("s3://iam-tweets-lake/lake");
    RecordedResponses raw = RecordedResponses.of("twitter", "tweets",
        Tweets.rawFolder(URI.create("s3://iam-tweets-raw/in/"))).incremental();
    IamPolicy policy = Tweets.pipeline(raw, lake).requiredPermissions(S3StandIn.SCOPE);
    s3.calls.clear();

    PipelineResult first = Tweets.pipeline(raw, lake).run();
    Pipeline<TweetRow> again = Tweets.pipeline(raw, lake);
    PipelineResult second = again.run();

    assertThat(first.rowsWritten()).isPositive();
    assertThat(second.rowsRead()).isZero();
    assertThat(policy.isComplete()).isTrue();
    OtherPathGrants other = new OtherPathGrants("arn:aws:s3:::iam-tweets-lake/lake/").dataset("processed/tweets")
        .dataset("processed/" + Tweets.INDEX).cursors(again.name());
    if (first.rowsRejected() == 0) {
      other.whenUsed("rejected/tweets", "pages that do not parse go to the rejected zone; the bundled ones all parse");
    } else {
      other.dataset("rejected/tweets");
    }
    PolicyAssert.assertExact(policy, s3.calls.calls(), other.build());
  }
}
