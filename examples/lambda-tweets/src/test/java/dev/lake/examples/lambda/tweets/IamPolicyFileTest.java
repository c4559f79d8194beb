package dev.lake.examples.lambda.tweets;

import dev.lake.examples.S3Stage;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code iam-policy.json} is the policy the handler generates for the README's deployment
 * ({@code LAKE_URI=s3://my-bucket/lake}, the live API, function {@code TweetsHandler.FUNCTION_NAME}; region and
 * account stay the placeholders {@code REGION} and {@code ACCOUNT_ID}); {@code -Dlake.iam.write=true} rewrites
 * it. Building the stages reads the lake, so the
 * bucket is an empty one on s3proxy.
 */
class IamPolicyFileTest {
  static final Path FILE = Path.of("iam-policy.json");

  @Test
  void committedPolicy_isTheGeneratedOne() throws Exception {
    String generated;
    try (S3Stage s3 = S3Stage.start("my-bucket")) {
      s3.settings("s3://my-bucket/lake", "s3://my-bucket/data/").lake(); // serves the bucket from s3proxy
      generated = new TweetsHandler(TweetsSchedule.fromEnv(Map.of("LAKE_URI", "s3://my-bucket/lake")))
          .requiredPermissions(IamScope.unknown(), TweetsHandler.FUNCTION_NAME).toJson();
    }
    PolicyFile.assertCommitted(FILE, generated, PolicyFile.rewriteCommand("examples/lambda-tweets"));
  }
}
