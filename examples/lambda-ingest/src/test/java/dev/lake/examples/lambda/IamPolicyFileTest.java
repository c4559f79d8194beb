package dev.lake.examples.lambda;

import dev.lake.iam.IamScope;
import dev.lake.iam.PolicyFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * {@code iam-policy.json} is the policy the handler generates for stream {@code sales} in {@code us-east-1}, account
 * {@code 123456789012}, function {@code lake-ingest}; {@code -Dlake.iam.write=true} rewrites it.
 */
class IamPolicyFileTest {
  static final Path FILE = Path.of("iam-policy.json");
  static final IamScope DOCUMENTED = IamScope.of("us-east-1", "123456789012");

  static String generated() {
    System.setProperty("aws.region", "us-east-1"); // the class-init client of the default handler
    try (KinesisClient client = KinesisClient.builder().region(Region.US_EAST_1).build()) {
      return new IngestHandler("sales", client).requiredPermissions(DOCUMENTED, IngestHandler.FUNCTION_NAME).toJson();
    }
  }

  @Test
  void committedPolicy_isTheGeneratedOne() throws Exception {
    PolicyFile.assertCommitted(FILE, generated(), PolicyFile.rewriteCommand("examples/lambda-ingest"));
  }
}
