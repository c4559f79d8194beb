package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.S3Stage;
import dev.lake.iam.IamScope;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code iam-policy.json} is the policy the handler generates for the README's placeholders (bucket {@code shop-lake},
 * lake {@code lake/}, data {@code data/}, region {@code us-east-1}, account {@code 123456789012}, function
 * {@code SparkifyHandler.FUNCTION_NAME}); {@code -Dlake.iam.write=true} rewrites it.
 */
class IamPolicyFileTest {
  static final Path FILE = Path.of("iam-policy.json");
  static final IamScope DOCUMENTED = IamScope.of("us-east-1", "123456789012");
  static final String REWRITE = "mvn -q -o -pl examples/lambda-sparkify -am verify -Dinvoker.skip "
      + "-Dtest=IamPolicyFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dlake.iam.write=true";

  /** Building the pipelines lists the input folders, so the documented bucket is served by s3proxy here. */
  static String generated() throws Exception {
    try (S3Stage s3 = S3Stage.start("shop-lake")) {
      s3.uploadTree(SparkifyHandlerTest.SPARKIFY, "data/sparkify/");
      SparkifyHandler handler = new SparkifyHandler(s3.settings("s3://shop-lake/lake", "s3://shop-lake/data/"));
      return handler.requiredPermissions(DOCUMENTED, SparkifyHandler.FUNCTION_NAME).toJson();
    }
  }

  @Test
  void committedPolicy_isTheGeneratedOne() throws Exception {
    String generated = generated();
    if (Boolean.getBoolean("lake.iam.write")) {
      Files.writeString(FILE, generated);
    }
    assertThat(Files.exists(FILE) ? Files.readString(FILE) : "(missing)")
        .as("%s differs from the policy the handler generates; rewrite it with:%n  %s%n", FILE.toAbsolutePath(),
            REWRITE)
        .isEqualTo(generated);
  }
}
