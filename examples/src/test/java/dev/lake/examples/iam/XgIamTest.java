package dev.lake.examples.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.examples.xg.ExpectedPoints;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The xG example on s3proxy: team_matches from the Understat files, then the season table aggregated from the
 * committed matches into team_season (ExpectedPoints.teamSeason(), which season() runs before reading the table
 * back to sort it).
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
        .and(xg.teamSeason().requiredPermissions(S3StandIn.SCOPE))
        .and(lake.read(ExpectedPoints.SEASON).permissions(S3StandIn.SCOPE)); // season() reads the table back
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
