package dev.lake.examples.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.examples.xg.ExpectedPoints;
import dev.lake.examples.xg.TeamSeason;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import dev.lake.io.InMemorySource;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The xG example on s3proxy: team_matches from the Understat files, then the season table read back from the lake
 * and written to team_season. ExpectedPoints.season() builds its second pipeline inside, so its policy is the same
 * description rebuilt here: lake.read(team_matches) and an in-memory source into team_season (OVERWRITE).
 */
class XgIamTest {
  static S3StandIn s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3StandIn("iam-xg");
    s3.upload("epl_2020_21_xg", "iam-xg", "data/");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void requiredPermissions_teamMatchesAndSeason_exactlyWhatTheRunsTouch() {
    Lake lake = Lake.at("s3://iam-xg/lake");
    ExpectedPoints xg = new ExpectedPoints(URI.create("s3://iam-xg/data/"), lake);
    IamPolicy policy = xg.teamMatches().requiredPermissions(S3StandIn.SCOPE)
        .and(lake.read(ExpectedPoints.MATCHES).permissions(S3StandIn.SCOPE))
        .and(Pipeline.from(InMemorySource.of("team-season", List.<TeamSeason>of())).named("xg-team-season")
            .to(lake.processed(ExpectedPoints.SEASON).mode(WriteMode.OVERWRITE)).requiredPermissions(S3StandIn.SCOPE));
    s3.calls.clear();

    assertThat(xg.teamMatches().run().rowsWritten()).isEqualTo(760);
    assertThat(xg.season()).hasSize(20);

    String root = "arn:aws:s3:::iam-xg/lake/";
    PolicyAssert.assertExact(policy, s3.calls.calls(), new OtherPathGrants(root)
        .dataset("processed/" + ExpectedPoints.MATCHES).dataset("processed/" + ExpectedPoints.SEASON)
        .whenUsed("rejected/" + ExpectedPoints.MATCHES, "bad Understat rows go to the rejected zone; there are none")
        .cursors("xg-team-matches").cursors("xg-team-season").build());
  }
}
