package dev.lake.examples.lambda;

import dev.lake.examples.S3Stage;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyFile;
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
    PolicyFile.assertCommitted(FILE, generated(), PolicyFile.rewriteCommand("examples/lambda-sparkify"));
  }
}
