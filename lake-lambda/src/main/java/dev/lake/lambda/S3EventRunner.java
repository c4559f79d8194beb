package dev.lake.lambda;

import dev.lake.exceptions.SourceException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Runs a pipeline over the objects an S3 event created. Keys arrive URL-encoded in the event ({@code a+b%3D.csv});
 * the runner decodes them and hands the pipeline {@code s3://bucket/key} URIs, so a file source reads exactly those
 * objects. Events other than {@code ObjectCreated:*} are ignored; an event with no created object runs nothing.
 *
 * <pre>{@code
 * public final class ImportSales implements RequestHandler<S3Event, String> {
 *   private static final Lake LAKE = Lake.at(System.getenv("LAKE_ROOT"));   // e.g. s3://my-bucket/lake
 *   private static final S3EventRunner RUNNER = S3EventRunner.of((objects, budget) -> Pipeline
 *       .from(CsvSource.of(Sale.class).from(objects.toArray(URI[]::new)))
 *       .named("import-sales").to(LAKE.processed("sales")));
 *
 *   public String handleRequest(S3Event event, Context context) {
 *     return RUNNER.handle(event, context).map(PipelineResult::summary).orElse("no new objects");
 *   }
 * }
 * }</pre>
 */
public final class S3EventRunner {
  private final BiFunction<List<URI>, LambdaBudget, Pipeline<?>> pipeline;

  private S3EventRunner(BiFunction<List<URI>, LambdaBudget, Pipeline<?>> pipeline) {
    this.pipeline = pipeline;
  }

  /** A runner of the pipeline {@code pipeline} builds for the created objects and the invocation's budget. */
  public static S3EventRunner of(BiFunction<List<URI>, LambdaBudget, Pipeline<?>> pipeline) {
    return new S3EventRunner(Objects.requireNonNull(pipeline, "pipeline"));
  }

  /** The {@code s3://bucket/key} URIs of the objects the event created, keys URL-decoded, in event order. */
  public static List<URI> createdObjects(S3Event event) {
    List<URI> uris = new ArrayList<>();
    if (event == null || event.getRecords() == null) {
      return uris;
    }
    for (S3EventNotificationRecord r : event.getRecords()) {
      if (r.getEventName() == null || !r.getEventName().startsWith("ObjectCreated")) {
        continue;
      }
      String bucket = r.getS3().getBucket().getName();
      String key = r.getS3().getObject().getUrlDecodedKey();
      try {
        uris.add(new URI("s3", bucket, "/" + key, null));
      } catch (URISyntaxException e) {
        throw new SourceException("s3-event", "Cannot make a URI of s3://" + bucket + "/" + key
            + " from the S3 event: " + e.getMessage(), e);
      }
    }
    return uris;
  }

  /** Runs the pipeline over the created objects, or nothing (empty) when the event created none. */
  public Optional<PipelineResult> handle(S3Event event, Context context) {
    List<URI> objects = createdObjects(event);
    if (objects.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(pipeline.apply(List.copyOf(objects), LambdaBudget.of(context, java.time.Duration.ofSeconds(10)))
        .run());
  }

  /**
   * The IAM policy of the pipeline for any object created under {@code createdUnder} (the trigger's prefix, ending in
   * '/'): the pipeline is built for one stand-in object there, and that object's key becomes a wildcard in every ARN
   * and condition (a condition value that holds it turns from {@code StringEquals} into {@code StringLike}). Reading
   * the event's objects is thus granted on {@code <prefix>*} only, and listing them as directories (what a file
   * source does before reading a plain location) on {@code s3:prefix} {@code <prefix>*}{@code /} only.
   *
   * <pre>{@code
   * IamPolicy p = RUNNER.requiredPermissions(URI.create("s3://shop-lake/lake/raw/online_retail/"), scope);
   * }</pre>
   */
  public dev.lake.iam.IamPolicy requiredPermissions(URI createdUnder, dev.lake.iam.IamScope scope) {
    dev.lake.exceptions.ValidationException.check(createdUnder != null && createdUnder.getPath() != null
        && createdUnder.getPath().endsWith("/"), "The trigger prefix must be a folder URI ending in '/', got %s",
        createdUnder);
    URI sample = createdUnder.resolve(EVENT_OBJECT);
    dev.lake.iam.IamPolicy exact = pipeline.apply(List.of(sample), LambdaBudget.of(null, java.time.Duration.ZERO))
        .requiredPermissions(scope);
    return EventObjectPolicy.generalize(exact, EVENT_OBJECT);
  }

  /** The stand-in object's name: replaced by '*' in the policy. */
  static final String EVENT_OBJECT = "LAKE-EVENT-OBJECT";
}
