package dev.lake.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.Destination;
import dev.lake.examples.HandlerSettings;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.examples.ecommerce.RetailRow;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.lambda.FunctionPermissions;
import dev.lake.lambda.S3EventRunner;
import dev.lake.lambda.SnapStartPriming;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The e-commerce bulk import as an S3-triggered Lambda: each Online Retail CSV file (gzip or not) created under
 * {@code <LAKE_ROOT>/raw/online_retail/} is imported into {@code processed/online_retail/year=…/month=…/} as
 * Parquet; bad lines go to {@code rejected/online_retail/}. A re-delivered event writes the same files again, so no
 * row is added twice. Environment: {@code LAKE_ROOT} (and {@code LAKE_S3_ENDPOINT} off AWS);
 * {@code LAKE_FORMAT=iceberg} appends the files to the Iceberg table {@code retail.online_retail} instead (partitioned
 * by {@code month(invoice_date)}; catalog from {@code LAKE_ICEBERG_CATALOG}; a re-delivered event adds nothing, its
 * files being in the table's snapshots), see {@link HandlerSettings}.
 *
 * <pre>{@code
 * Handler: dev.lake.examples.lambda.RetailImportHandler::handleRequest   (jar: target/lake-ecommerce-handler.jar)
 * Trigger: s3:ObjectCreated:* on prefix lake/raw/online_retail/, suffix .csv.gz
 * }</pre>
 */
public final class RetailImportHandler implements RequestHandler<S3Event, String> {
  /** The function name the README deploys it as (its log group is {@code /aws/lambda/lake-ecommerce-import}). */
  public static final String FUNCTION_NAME = "lake-ecommerce-import";

  /** A sample row the SnapStart priming writes (and deletes) under {@code <LAKE_ROOT>/_lake/priming/}. */
  static final RetailRow SAMPLE = new RetailRow("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6,
      LocalDateTime.of(2010, 12, 1, 8, 26), new BigDecimal("2.550"), 17850L, "United Kingdom", 2010, 12);

  private final Lake lake;
  private final S3EventRunner runner;
  final SnapStartPriming priming;

  /** Configured from the environment, once per Lambda container. */
  public RetailImportHandler() {
    this(HandlerSettings.fromEnvironment());
  }

  RetailImportHandler(HandlerSettings settings) {
    Destination to = settings.destination();
    lake = to.lake();
    runner = S3EventRunner.of((objects, budget) -> to.inLake() ? OnlineRetail.pipeline(objects, lake)
        : OnlineRetail.pipeline(objects, to));
    // With SnapStart on, the write path is primed before the snapshot; elsewhere registering does nothing
    priming = SnapStartPriming.register(lake.uri(PRIMING_PREFIX), SAMPLE);
  }

  /** Imports the created objects; returns the run's summary line (or says there was nothing to import). */
  @Override
  public String handleRequest(S3Event event, Context context) {
    return runner.handle(event, context).map(RetailImportHandler::checked).orElse("no created objects in the event");
  }

  /**
   * Runs the handler outside Lambda on the given objects, as if S3 had just created them:
   * {@code LAKE_ROOT=s3://shop/lake java -cp lake-ecommerce-handler.jar dev.lake.examples.lambda.RetailImportHandler
   * s3://shop/lake/raw/online_retail/2010-12-01.csv.gz}.
   */
  public static void main(String[] args) {
    List<S3EventNotificationRecord> records = new ArrayList<>();
    for (String arg : args) {
      URI uri = URI.create(arg);
      String key = URLEncoder.encode(uri.getPath().substring(1), StandardCharsets.UTF_8).replace("%2F", "/");
      records.add(new S3EventNotificationRecord(null, "ObjectCreated:Put", "aws:s3", null, "2.1", null, null,
          new S3Entity("local", new S3BucketEntity(uri.getAuthority(), null, "arn:aws:s3:::" + uri.getAuthority()),
              new S3ObjectEntity(key, null, null, null, null), "1.0"), null));
    }
    System.out.println(new RetailImportHandler().handleRequest(new S3Event(records), null));
  }

  /**
   * The least-privilege policy of the function's role, generated: the import pipeline for any object created under
   * {@code <LAKE_ROOT>/raw/online_retail/} (read it; list it as a directory, which a file source tries first), the
   * lake's writes, and the function's own log streams. {@code iam-policy.json} is this policy for the README's
   * placeholders; {@code IamPolicyFileTest} keeps it in step.
   */
  public IamPolicy requiredPermissions(IamScope scope, String functionName) {
    return runner.requiredPermissions(lake.uri(RAW_PREFIX), scope)
        .and(priming.requiredPermissions(scope))
        .and(FunctionPermissions.logs(functionName, scope));
  }

  /** The folder under the lake root whose created objects trigger the function (its S3 notification's prefix). */
  static final String RAW_PREFIX = "raw/online_retail/";
  /** The scratch folder of the SnapStart priming (one file written and deleted before the snapshot). */
  static final String PRIMING_PREFIX = "_lake/priming/";

  private static String checked(PipelineResult r) {
    if (!r.reconciles()) {
      throw new IllegalStateException("The import does not reconcile: " + r.summary());
    }
    return r.summary();
  }
}
