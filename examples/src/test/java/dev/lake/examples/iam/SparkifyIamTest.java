package dev.lake.examples.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.examples.sparkify.Sparkify;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five Sparkify pipelines over the song files and event logs on s3proxy: one policy for all of them allows every
 * call (the lookups' reads while the pipelines are built included) and grants nothing they do not use.
 */
class SparkifyIamTest {
  static S3StandIn s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3StandIn("iam-sparkify");
    s3.upload("sparkify", "iam-sparkify", "data/");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void requiredPermissions_fivePipelines_exactlyWhatTheRunsTouch() {
    Lake lake = Lake.at("s3://iam-sparkify/lake");
    s3.calls.clear();
    List<Pipeline<?>> pipelines = Sparkify.pipelines(URI.create("s3://iam-sparkify/data/"), lake);
    IamPolicy policy = IamPolicy.empty();
    for (Pipeline<?> p : pipelines) {
      policy = policy.and(p.requiredPermissions(S3StandIn.SCOPE));
    }

    long rejected = 0;
    for (Pipeline<?> p : pipelines) {
      var r = p.run();
      assertThat(r.rowsWritten()).isPositive();
      rejected += r.rowsRejected();
    }

    OtherPathGrants other = new OtherPathGrants("arn:aws:s3:::iam-sparkify/lake/");
    for (String d : List.of(Sparkify.SONGS, Sparkify.ARTISTS, Sparkify.USERS, Sparkify.TIME, Sparkify.SONGPLAYS)) {
      other.dataset("processed/" + d).whenUsed("rejected/" + d, "bad rows go to the rejected zone; there are none");
    }
    pipelines.forEach(p -> other.cursors(p.name()));
    assertThat(rejected).as("bad rows (their rejected zones would then be used)").isZero();
    PolicyAssert.assertExact(policy, s3.calls.calls(), other.build());
  }
}
