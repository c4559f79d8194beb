package dev.lake.examples.lambda;

import dev.lake.examples.HandlerSettings;
import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code iam-policy.json} is the policy the handler generates for the README's placeholders (bucket {@code shop-lake},
 * lake {@code lake/}, region {@code us-east-1}, account {@code 123456789012}, function {@code lake-ecommerce-import});
 * {@code -Dlake.iam.write=true} rewrites it.
 */
class IamPolicyFileTest {
  static final Path FILE = Path.of("iam-policy.json");
  static final IamScope DOCUMENTED = IamScope.of("us-east-1", "123456789012");

  static String generated() {
    RetailImportHandler handler = new RetailImportHandler(HandlerSettings.of(Map.of("LAKE_ROOT", "s3://shop-lake/lake")));
    return handler.requiredPermissions(DOCUMENTED, RetailImportHandler.FUNCTION_NAME).toJson();
  }

  @Test
  void committedPolicy_isTheGeneratedOne() throws Exception {
    PolicyFile.assertCommitted(FILE, generated(), PolicyFile.rewriteCommand("examples/lambda-ecommerce"));
  }
}
