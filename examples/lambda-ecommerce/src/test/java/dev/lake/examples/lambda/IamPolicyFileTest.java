package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.HandlerSettings;
import dev.lake.iam.IamScope;
import java.nio.file.Files;
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
  static final String REWRITE = "mvn -q -o -pl examples/lambda-ecommerce -am verify -Dinvoker.skip "
      + "-Dtest=IamPolicyFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dlake.iam.write=true";

  static String generated() {
    RetailImportHandler handler = new RetailImportHandler(HandlerSettings.of(Map.of("LAKE_ROOT", "s3://shop-lake/lake")));
    return handler.requiredPermissions(DOCUMENTED, RetailImportHandler.FUNCTION_NAME).toJson();
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
