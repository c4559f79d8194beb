package dev.lake.examples.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.examples.ecommerce.RetailRow;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Online Retail bulk pipeline (three days of the real files, plus the folder's SOURCE.md it must not read) from
 * one bucket into a lake in another, on s3proxy: its policy allows every call the run makes and grants nothing else.
 */
class OnlineRetailIamTest {
  static S3StandIn s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3StandIn("iam-retail-data", "iam-retail-lake");
    s3.upload("online_retail", "iam-retail-data", "in/", "glob:{SOURCE.md,by-day/2010-12-0[123].csv.gz}");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void requiredPermissions_threeDaysOnS3_exactlyWhatTheRunTouches() {
    Pipeline<RetailRow> p = OnlineRetail.pipeline(URI.create("s3://iam-retail-data/in/"),
        Lake.at("s3://iam-retail-lake/lake"));
    IamPolicy policy = p.requiredPermissions(S3StandIn.SCOPE);
    s3.calls.clear();

    PipelineResult r = p.run();

    assertThat(r.rowsWritten()).isPositive();
    assertThat(s3.calls.calls()).noneMatch(c -> c.resource().endsWith("SOURCE.md"));
    assertThat(policy.allows("s3:GetObject", "arn:aws:s3:::iam-retail-data/in/online_retail/SOURCE.md",
        java.util.Map.of())).isFalse();
    OtherPathGrants other = new OtherPathGrants("arn:aws:s3:::iam-retail-lake/lake/").dataset("processed/online_retail")
        .cursors(p.name());
    if (r.rowsRejected() == 0) {
      other.whenUsed("rejected/online_retail", "bad lines go to the rejected zone; these days have none");
    } else {
      other.dataset("rejected/online_retail");
    }
    PolicyAssert.assertExact(policy, s3.calls.calls(), other.build());
  }
}
