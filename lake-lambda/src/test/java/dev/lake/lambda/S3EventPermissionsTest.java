package dev.lake.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.source.files.CsvSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy of an S3-event pipeline for any object under the trigger prefix, and the function's log grants. */
class S3EventPermissionsTest {
  static final IamScope SCOPE = IamScope.of("eu-west-1", "123456789012");

  record Sale(String invoice_no, int quantity) {}

  @Test
  void requiredPermissions_anyObjectUnderThePrefix_readsAndProbesOnlyThere() {
    Lake lake = Lake.at("s3://shop/lake");
    S3EventRunner runner = S3EventRunner.of((objects, budget) -> Pipeline
        .from(CsvSource.of(Sale.class).from(objects.toArray(URI[]::new))).named("import")
        .to(lake.processed("sales")));

    IamPolicy policy = runner.requiredPermissions(URI.create("s3://shop/in/raw/"), SCOPE);

    assertThat(policy.toJson()).doesNotContain(S3EventRunner.EVENT_OBJECT);
    assertThat(policy.allows("s3:GetObject", "arn:aws:s3:::shop/in/raw/2010-12-01.csv.gz", Map.of())).isTrue();
    assertThat(policy.allows("s3:GetObject", "arn:aws:s3:::shop/in/other/2010-12-01.csv.gz", Map.of())).isFalse();
    // a plain location is first listed as a directory: "<key>/"
    assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::shop",
        Map.of("s3:prefix", "in/raw/2010-12-01.csv.gz/"))).isTrue();
    assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::shop", Map.of("s3:prefix", "in/"))).isFalse();
    assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::shop",
        Map.of("s3:prefix", "lake/_lake/manifests/processed/sales/")))
        .as("the lake's own listings keep their exact prefixes").isTrue();
    assertThat(policy.allows("s3:ListBucket", "arn:aws:s3:::shop", Map.of("s3:prefix", "lake/processed/sales/")))
        .as("a writer never lists its dataset: staged files are found as uploads").isFalse();
    assertThat(policy.allows("s3:PutObject", "arn:aws:s3:::shop/lake/processed/sales/x.parquet", Map.of())).isTrue();
    assertThat(policy.undeclared()).isEmpty();
    assertThat(policy.statements()).flatExtracting(s -> s.resources())
        .as("a prefix/*/* already covered by prefix/* is not repeated").doesNotContain("arn:aws:s3:::shop/in/raw/*/*")
        .contains("arn:aws:s3:::shop/in/raw/*");
  }

  @Test
  void logs_oneFunction_onlyItsLogGroupsStreams() {
    IamPolicy logs = FunctionPermissions.logs("lake-xg", SCOPE);

    String group = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/lake-xg:*";
    assertThat(logs.statements()).singleElement().satisfies(s -> {
      assertThat(s.actions()).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
      assertThat(s.resources()).containsExactly(group);
    });
    assertThat(logs.allows("logs:PutLogEvents", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/"
        + "lake-xg:log-stream:2026/11/26/[$LATEST]abc", Map.of())).isTrue();
    assertThat(logs.allows("logs:PutLogEvents", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/"
        + "lake-sparkify:log-stream:x", Map.of())).isFalse();
  }
}
