package dev.lake.examples.lambda.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.S3Stage;
import dev.lake.iam.IamScope;
import java.nio.file.Files;
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
  static final String REWRITE = "mvn -q -o -pl examples/lambda-tweets -am verify -Dinvoker.skip "
      + "-Dtest=IamPolicyFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dlake.iam.write=true";

  @Test
  void committedPolicy_isTheGeneratedOne() throws Exception {
    String generated;
    try (S3Stage s3 = S3Stage.start("my-bucket")) {
      s3.settings("s3://my-bucket/lake", "s3://my-bucket/data/").lake(); // serves the bucket from s3proxy
      generated = new TweetsHandler(TweetsSchedule.fromEnv(Map.of("LAKE_URI", "s3://my-bucket/lake")))
          .requiredPermissions(IamScope.unknown(), TweetsHandler.FUNCTION_NAME).toJson();
    }
    if (Boolean.getBoolean("lake.iam.write")) {
      Files.writeString(FILE, generated);
    }
    assertThat(Files.exists(FILE) ? Files.readString(FILE) : "(missing)")
        .as("%s differs from the policy the handler generates; rewrite it with:%n  %s%n", FILE.toAbsolutePath(),
            REWRITE)
        .isEqualTo(generated);
  }
}
