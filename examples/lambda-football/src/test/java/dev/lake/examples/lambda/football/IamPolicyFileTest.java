package dev.lake.examples.lambda.football;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.examples.S3Stage;
import dev.lake.examples.replay.RecordedResponses;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code iam-policy.json} is the policy the handler generates for the README's deployment
 * ({@code LAKE_URI=s3://my-bucket/lake}, the live API, function {@code FootballHandler.FUNCTION_NAME}; region and
 * account stay the placeholders {@code REGION} and {@code ACCOUNT_ID}); {@code -Dlake.iam.write=true} rewrites
 * it. Building the stages reads the lake, so the
 * bucket is on s3proxy, holding the raw zone a capture would have written (from the bundled recorded responses).
 */
class IamPolicyFileTest {
  static final Path FILE = Path.of("iam-policy.json");

  @Test
  void committedPolicy_isTheGeneratedOne() throws Exception {
    String generated;
    try (S3Stage s3 = S3Stage.start("my-bucket")) {
      Lake lake = s3.settings("s3://my-bucket/lake", "s3://my-bucket/data/").lake(); // the bucket on s3proxy
      // the processing stages read the raw zone while they are built: a lake where a capture already ran
      for (String endpoint : new String[] {"fixtures", "fixture_statistics"}) {
        Pipeline.from(RecordedResponses.of("api-football", endpoint,
            FootballHandlerTest.DATA.resolve("api_football/" + endpoint).toUri())).named("seed-" + endpoint)
            .to(lake.raw("api-football", endpoint)).run();
      }
      generated = new FootballHandler(FootballSchedule.fromEnv(Map.of("LAKE_URI", "s3://my-bucket/lake")))
          .requiredPermissions(IamScope.unknown(), FootballHandler.FUNCTION_NAME).toJson();
    }
    PolicyFile.assertCommitted(FILE, generated, PolicyFile.rewriteCommand("examples/lambda-football"));
  }
}
