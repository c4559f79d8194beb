package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.HandlerSettings;
import dev.lake.examples.S3Stage;
import dev.lake.iam.GlobalRecording;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.OtherPathGrants;
import dev.lake.iam.PolicyAssert;
import dev.lake.iam.RecordingInterceptor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handler with {@code LAKE_FORMAT=iceberg} on s3proxy in the documented bucket, every SDK call recorded: the policy
 * it generates for that configuration allows each call (the table's data and metadata files, written through the
 * JDBC catalog, which itself makes no AWS call; the lake's run reports; the priming), and every grant is used or
 * needed on a named other path.
 */
class RetailImportIcebergIamTest {
  @TempDir
  Path dir;

  @Test
  void handleRequest_lakeFormatIceberg_policyAllowsEveryCallAndGrantsNothingUnused() throws Exception {
    try (S3Stage s3 = S3Stage.start("shop-lake")) {
      Map<String, String> env = new HashMap<>(s3.environment("s3://shop-lake/lake", "s3://shop-lake/data/"));
      env.put("LAKE_FORMAT", "iceberg");
      env.put("LAKE_ICEBERG_CATALOG", "jdbc:sqlite:" + dir.resolve("catalog.db"));
      RetailImportHandler handler = new RetailImportHandler(HandlerSettings.of(env));
      for (String day : List.of("2010-12-01", "2010-12-02")) {
        s3.upload(RetailImportHandlerTest.BY_DAY.resolve(day + ".csv.gz"), "lake/raw/online_retail/" + day + ".csv.gz");
      }
      GlobalRecording.start(IamPolicyFileTest.DOCUMENTED);

      handler.priming.beforeCheckpoint(null);
      String summary = handler.handleRequest(RetailImportHandlerTest.eventIn("shop-lake",
          "lake/raw/online_retail/2010-12-01.csv.gz", "lake/raw/online_retail/2010-12-02.csv.gz"), null);

      List<RecordingInterceptor.Call> calls = GlobalRecording.stop();
      IamPolicy policy = handler.requiredPermissions(IamPolicyFileTest.DOCUMENTED, RetailImportHandler.FUNCTION_NAME);
      assertThat(summary).contains("0 rejected").contains("iceberg:retail.online_retail");
      assertThat(policy.allows("s3:PutObject", "arn:aws:s3:::shop-lake/lake/processed/online_retail/x.parquet",
          Map.of())).as("no Hive-style dataset").isFalse();
      String table = "arn:aws:s3:::shop-lake/lake/iceberg/retail/online_retail/*";
      String logs = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/lake-ecommerce-import:*";
      Map<String, String> other = new OtherPathGrants("arn:aws:s3:::shop-lake/lake/")
          .cursors("online-retail")
          // the rejected zone is the pipeline's (online-retail) when the sink is not a lake dataset
          .whenUsed("rejected/online-retail", "bad lines go to the rejected zone; these two days have none")
          .because("s3:PutObject arn:aws:s3:::shop-lake/lake/_lake/state/online-retail/*", "the pipeline's state, "
              + "written beside the table's snapshot when the source has cursors (a list of files has none)")
          .because("s3:AbortMultipartUpload " + table, "aborts a failed run's data file uploaded in parts")
          .because("s3:DeleteObject " + table, "removes a failed attempt's files, expired snapshots, orphans")
          .because("s3:ListBucket arn:aws:s3:::shop-lake lake/iceberg/retail/online_retail/",
              "orphan-file removal lists the table's prefix")
          .because("logs:CreateLogStream " + logs, "Lambda creates a log stream per execution environment")
          .because("logs:PutLogEvents " + logs, "Lambda writes the function's output to its log stream")
          .build();
      PolicyAssert.assertExact(policy, calls, other);
    }
  }
}
