package dev.lake.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;

/**
 * Records every AWS call a client really makes, as the IAM action it is authorised by, the resource ARN it touches
 * and its condition keys: S3 by the table in {@link #s3}; Kinesis, DynamoDB and other services whose operations are
 * their action names by stream or table. Add it to a client with
 * {@code .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))}.
 *
 * <pre>{@code
 * RecordingInterceptor calls = new RecordingInterceptor(IamScope.of("us-east-1", "000000000000"));
 * S3Client s3 = S3Client.builder().overrideConfiguration(c -> c.addExecutionInterceptor(calls))...build();
 * PolicyAssert.assertExact(pipeline.requiredPermissions(scope), calls.calls(), Map.of());
 * }</pre>
 */
public final class RecordingInterceptor implements ExecutionInterceptor {
  /** One authorised request: action, resource and condition keys. */
  public record Call(String action, String resource, Map<String, String> context) {}

  private final IamScope scope;
  private final List<Call> calls = new ArrayList<>();

  public RecordingInterceptor(IamScope scope) {
    this.scope = scope;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution ctx, ExecutionAttributes attrs) {
    String service = attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    SdkRequest request = ctx.request();
    List<Call> made = "S3".equalsIgnoreCase(service) ? s3(operation, request) : byName(service, operation, request);
    synchronized (calls) {
      calls.addAll(made);
    }
  }

  /** The calls so far, in order. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public void clear() {
    synchronized (calls) {
      calls.clear();
    }
  }

  private List<Call> s3(String operation, SdkRequest request) {
    String bucket = field(request, "Bucket");
    String bucketArn = "arn:" + scope.partition() + ":s3:::" + bucket;
    String object = bucketArn + "/" + field(request, "Key");
    return switch (operation) {
      case "GetObject", "HeadObject" -> List.of(new Call("s3:GetObject", object, Map.of()));
      case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" ->
          List.of(new Call("s3:PutObject", object, Map.of()));
      case "AbortMultipartUpload" -> List.of(new Call("s3:AbortMultipartUpload", object, Map.of()));
      case "DeleteObject" -> List.of(new Call("s3:DeleteObject", object, Map.of()));
      case "DeleteObjects" -> ((DeleteObjectsRequest) request).delete().objects().stream()
          .map(o -> new Call("s3:DeleteObject", bucketArn + "/" + o.key(), Map.of())).toList();
      case "ListObjectsV2", "ListObjects" -> List.of(new Call("s3:ListBucket", bucketArn,
          Map.of("s3:prefix", field(request, "Prefix") == null ? "" : field(request, "Prefix"))));
      case "ListMultipartUploads" -> List.of(new Call("s3:ListBucketMultipartUploads", bucketArn, Map.of()));
      case "HeadBucket" -> List.of(new Call("s3:ListBucket", bucketArn, Map.of()));
      case "CreateBucket" -> List.of(new Call("s3:CreateBucket", bucketArn, Map.of()));
      default -> throw new AssertionError("S3 operation " + operation + " has no IAM mapping in this recorder: add it");
    };
  }

  private List<Call> byName(String service, String operation, SdkRequest request) {
    String prefix = service.toLowerCase(java.util.Locale.ROOT);
    String action = prefix + ":" + operation;
    String stream = field(request, "StreamARN") != null ? field(request, "StreamARN")
        : field(request, "StreamName") != null ? scope.arn(prefix, "stream/" + field(request, "StreamName")) : null;
    if (stream != null) {
      return List.of(new Call(action, stream, Map.of()));
    }
    if (field(request, "TableName") != null) {
      return List.of(new Call(action, scope.arn(prefix, "table/" + field(request, "TableName")), Map.of()));
    }
    Map<?, ?> items = request.getValueForField("RequestItems", Map.class).orElse(null);
    if (items != null) {
      return items.keySet().stream().map(t -> new Call(action, scope.arn(prefix, "table/" + t), Map.of())).toList();
    }
    return List.of(new Call(action, "*", Map.of()));
  }

  private static String field(SdkRequest request, String name) {
    return request.getValueForField(name, String.class).orElse(null);
  }
}
