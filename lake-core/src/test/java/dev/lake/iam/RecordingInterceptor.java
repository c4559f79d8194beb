package dev.lake.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Records every AWS call a client really makes, as the IAM action it is authorised by, the resource ARN it touches
 * and its condition keys: S3 by the table in {@link #s3}; the Redshift Data API (with the login it makes for the caller)
 * and Glue by their resource rules; Kinesis, DynamoDB and other services whose operations are their action names by
 * stream or table. Add it to a client with
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
  /** Redshift Data API sessions -> the cluster or workgroup ARN they run on (later requests name only the session). */
  private final Map<String, String> sessionTarget = new java.util.concurrent.ConcurrentHashMap<>();
  /** Redshift Data API statements this recorder's client submitted: the caller owns them. */
  private final java.util.Set<String> ownStatements = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Kinesis shard iterators and ListShards tokens -> the stream ARN they stand for (the request names no stream). */
  private final Map<String, String> streamOfToken = new java.util.concurrent.ConcurrentHashMap<>();

  public RecordingInterceptor(IamScope scope) {
    this.scope = scope;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution ctx, ExecutionAttributes attrs) {
    String service = attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    SdkRequest request = ctx.request();
    String id = service.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    List<Call> made = "s3".equals(id) ? s3(operation, request)
        : "redshiftdata".equals(id) ? redshiftData(operation, request)
        : "glue".equals(id) ? glue(operation, request) : byName(service, operation, request);
    synchronized (calls) {
      calls.addAll(made);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution ctx, ExecutionAttributes attrs) {
    String service = attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    if ("S3".equalsIgnoreCase(service)) {
      return;
    }
    if ("redshiftdata".equals(service.replace(" ", "").toLowerCase(java.util.Locale.ROOT))) {
      String target = field(ctx.request(), "ClusterIdentifier") != null
          ? scope.arn("redshift", "cluster:" + field(ctx.request(), "ClusterIdentifier"))
          : field(ctx.request(), "WorkgroupName");
      ctx.response().getValueForField("SessionId", String.class).filter(x -> target != null)
          .ifPresent(id -> sessionTarget.put(id, target));
      ctx.response().getValueForField("Id", String.class).ifPresent(ownStatements::add);
      return;
    }
    String stream = stream(service.toLowerCase(java.util.Locale.ROOT), ctx.request());
    if (stream != null) {
      for (String token : List.of("ShardIterator", "NextShardIterator", "NextToken")) {
        ctx.response().getValueForField(token, String.class).ifPresent(t -> streamOfToken.put(t, stream));
      }
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
      case "PutObject" -> List.of(new Call("s3:PutObject", object, field(request, "IfNoneMatch") == null ? Map.of()
          : Map.of("s3:if-none-match", field(request, "IfNoneMatch"))));
      case "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" ->
          List.of(new Call("s3:PutObject", object, Map.of()));
      case "AbortMultipartUpload" -> List.of(new Call("s3:AbortMultipartUpload", object, Map.of()));
      case "ListParts" -> List.of(new Call("s3:ListMultipartUploadParts", object, Map.of()));
      case "CopyObject", "UploadPartCopy" -> List.of( // reads the source, writes the destination
          new Call("s3:GetObject", "arn:" + scope.partition() + ":s3:::" + copySource(request), Map.of()),
          new Call("s3:PutObject", "arn:" + scope.partition() + ":s3:::" + field(request, "DestinationBucket") + "/"
              + field(request, "DestinationKey"), Map.of()));
      case "DeleteObject" -> List.of(new Call("s3:DeleteObject", object, Map.of()));
      case "DeleteObjects" -> deletedKeys(request).stream()
          .map(k -> new Call("s3:DeleteObject", bucketArn + "/" + k, Map.of())).toList();
      case "ListObjectsV2", "ListObjects" -> List.of(new Call("s3:ListBucket", bucketArn,
          Map.of("s3:prefix", field(request, "Prefix") == null ? "" : field(request, "Prefix"))));
      case "ListMultipartUploads" -> List.of(new Call("s3:ListBucketMultipartUploads", bucketArn, Map.of()));
      case "HeadBucket" -> List.of(new Call("s3:ListBucket", bucketArn, Map.of()));
      case "CreateBucket" -> List.of(new Call("s3:CreateBucket", bucketArn, Map.of()));
      default -> throw new AssertionError("S3 operation " + operation + " has no IAM mapping in this recorder: add it");
    };
  }

  /**
   * The Redshift Data API: {@code redshift-data:<operation>} on the cluster or workgroup a statement runs on
   * (DescribeStatement and GetStatementResult have no resource type: {@code *}), plus the login the Data API
   * makes with the caller's permissions when a statement opens a connection: {@code redshift:GetClusterCredentials}
   * on the db user and the database (DbUser given), {@code secretsmanager:GetSecretValue} on the secret (SecretArn),
   * {@code redshift-serverless:GetCredentials} on the workgroup, else {@code redshift:GetClusterCredentialsWithIAM}
   * on the database. A statement in an open session makes no new login. DescribeStatement and GetStatementResult
   * carry {@code redshift-data:statement-owner-iam-userid}: {@code ${aws:userid}} (the caller itself, as IAM
   * resolves the policy variable) for a statement this client submitted, another identity otherwise.
   */
  private List<Call> redshiftData(String operation, SdkRequest request) {
    String action = "redshift-data:" + operation;
    if (!operation.equals("ExecuteStatement") && !operation.equals("BatchExecuteStatement")) {
      String id = field(request, "Id");
      return List.of(new Call(action, "*", id == null ? Map.of() : Map.of("redshift-data:statement-owner-iam-userid",
          ownStatements.contains(id) ? "${aws:userid}" : "another identity")));
    }
    String session = field(request, "SessionId");
    if (session != null) {
      return List.of(new Call(action, sessionTarget.getOrDefault(session, "unknown session " + session), Map.of()));
    }
    String cluster = field(request, "ClusterIdentifier");
    String workgroup = field(request, "WorkgroupName");
    String database = field(request, "Database");
    String target = cluster != null ? scope.arn("redshift", "cluster:" + cluster) : workgroup;
    List<Call> out = new ArrayList<>(List.of(new Call(action, target, Map.of())));
    if (field(request, "SecretArn") != null) {
      out.add(new Call("secretsmanager:GetSecretValue", field(request, "SecretArn"), Map.of()));
    } else if (cluster == null) {
      out.add(new Call("redshift-serverless:GetCredentials", workgroup, Map.of()));
    } else if (field(request, "DbUser") != null) {
      out.add(new Call("redshift:GetClusterCredentials",
          scope.arn("redshift", "dbuser:" + cluster + "/" + field(request, "DbUser")), Map.of()));
      out.add(new Call("redshift:GetClusterCredentials", scope.arn("redshift", "dbname:" + cluster + "/" + database),
          Map.of()));
    } else {
      out.add(new Call("redshift:GetClusterCredentialsWithIAM",
          scope.arn("redshift", "dbname:" + cluster + "/" + database), Map.of()));
    }
    return out;
  }

  /** Glue Data Catalog calls: the catalog, the database and (for table operations) the table, as Glue authorizes. */
  private List<Call> glue(String operation, SdkRequest request) {
    String action = "glue:" + operation;
    String catalog = scope.arn("glue", "catalog");
    String database = field(request, "DatabaseName");
    if (database == null) {
      SdkPojo input = request.getValueForField("DatabaseInput", SdkPojo.class).orElseThrow(() ->
          new AssertionError("Glue " + operation + " has no database in this recorder: add it"));
      database = (String) member(input, "Name");
      return List.of(new Call(action, catalog, Map.of()), new Call(action, scope.arn("glue", "database/" + database),
          Map.of()));
    }
    String table = field(request, "TableName");
    if (table == null) {
      SdkPojo input = request.getValueForField("TableInput", SdkPojo.class).orElseThrow(() ->
          new AssertionError("Glue " + operation + " has no table in this recorder: add it"));
      table = (String) member(input, "Name");
    }
    return List.of(new Call(action, catalog, Map.of()), new Call(action, scope.arn("glue", "database/" + database),
        Map.of()), new Call(action, scope.arn("glue", "table/" + database + "/" + table), Map.of()));
  }

  private List<Call> byName(String service, String operation, SdkRequest request) {
    String prefix = service.toLowerCase(java.util.Locale.ROOT);
    String action = prefix + ":" + operation;
    String stream = stream(prefix, request);
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

  /**
   * "bucket/key" of a copy's source: the SDK has turned SourceBucket and SourceKey into CopySource (URL-encoded, with
   * {@code ?versionId=} for a version) before interceptors see the request.
   */
  private static String copySource(SdkRequest request) {
    if (field(request, "SourceBucket") != null) {
      return field(request, "SourceBucket") + "/" + field(request, "SourceKey");
    }
    String source = field(request, "CopySource");
    int version = source.indexOf("?versionId=");
    return java.net.URLDecoder.decode(version < 0 ? source : source.substring(0, version),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** DeleteObjects' Delete.Objects[].Key, read through the SDK's generic fields (no S3 model classes needed). */
  private static List<String> deletedKeys(SdkRequest request) {
    SdkPojo delete = request.getValueForField("Delete", SdkPojo.class).orElseThrow();
    List<String> keys = new ArrayList<>();
    for (Object o : (List<?>) member(delete, "Objects")) {
      keys.add((String) member((SdkPojo) o, "Key"));
    }
    return keys;
  }

  private static Object member(SdkPojo pojo, String name) {
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.memberName().equals(name)) {
        return f.getValueOrDefault(pojo);
      }
    }
    throw new AssertionError(pojo.getClass().getSimpleName() + " has no member " + name);
  }

  private String stream(String prefix, SdkRequest request) {
    if (field(request, "StreamARN") != null) {
      return field(request, "StreamARN");
    }
    if (field(request, "StreamName") != null) {
      return scope.arn(prefix, "stream/" + field(request, "StreamName"));
    }
    String token = field(request, "ShardIterator") != null ? field(request, "ShardIterator")
        : field(request, "NextToken");
    return token == null ? null : streamOfToken.get(token);
  }

  private static String field(SdkRequest request, String name) {
    return request.getValueForField(name, String.class).orElse(null);
  }
}
