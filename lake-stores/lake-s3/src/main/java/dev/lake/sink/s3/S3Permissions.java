package dev.lake.sink.s3;

import dev.lake.iam.Access;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.Permission;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The S3 (and KMS) grants behind each {@link Access}, for a location that is an object, a directory (ending in '/')
 * or a pattern with IAM wildcards:
 * <ul>
 *   <li>READ: {@code s3:GetObject} (GetObject, HeadObject); WRITE: {@code s3:PutObject} (PutObject and the three
 *   multipart calls); CREATE: {@code s3:PutObject} under {@code StringEquals s3:if-none-match *} (the conditional
 *   PutObject of {@link ConditionalCreate}: an overwrite is denied); DELETE: {@code s3:DeleteObject}
 *   (DeleteObjects);</li>
 *   <li>LIST: {@code s3:ListBucket} on the bucket, with {@code StringEquals s3:prefix} the exact directory Lake lists
 *   (ListObjectsV2 always sends the same prefix, page after page);</li>
 *   <li>CLEAN_UP: {@code s3:ListBucketMultipartUploads} on the bucket (the action has no {@code s3:prefix} key) and
 *   {@code s3:AbortMultipartUpload} under the location;</li>
 *   <li>with SSE-KMS and a key ARN: {@code kms:Decrypt} to read, {@code kms:GenerateDataKey} and {@code kms:Decrypt}
 *   (multipart uploads) to write.</li>
 * </ul>
 * Staging and moves need no other action: a staged write is WRITE (its upload never completed; aborted on failure
 * with CLEAN_UP); {@code publish} is WRITE (CompleteMultipartUpload), plus READ on the target when the upload is gone
 * (a HEAD tells whether it was published before); {@code discard} and {@code listUnpublished} are CLEAN_UP
 * (AbortMultipartUpload, ListMultipartUploads); {@code move} is READ and DELETE on the source and WRITE on the target
 * (CopyObject or UploadPartCopy are {@code s3:GetObject} on the source and {@code s3:PutObject} on the target), plus
 * READ on the target when the source is gone. ListParts ({@code s3:ListMultipartUploadParts}) is never called.
 *
 * <pre>{@code
 * IamPolicy p = S3Permissions.of(URI.create("s3://b/lake/processed/sales/"), EnumSet.of(Access.WRITE), null, scope);
 * }</pre>
 */
final class S3Permissions {
  /** The condition key of a conditional put's {@code If-None-Match} header. */
  static final String IF_NONE_MATCH = "s3:if-none-match";

  private S3Permissions() {}

  static IamPolicy of(URI location, Set<Access> access, String kmsKeyId, IamScope scope) {
    S3Location at = S3Location.of(location);
    String objects = "arn:" + scope.partition() + ":s3:::" + at.bucket() + "/" + at.key()
        + (at.key().isEmpty() || at.key().endsWith("/") ? "*" : "");
    String bucket = "arn:" + scope.partition() + ":s3:::" + at.bucket();
    List<Permission> grants = new ArrayList<>();
    List<String> objectActions = new ArrayList<>();
    if (access.contains(Access.READ)) {
      objectActions.add("s3:GetObject");
    }
    if (access.contains(Access.WRITE)) {
      objectActions.add("s3:PutObject");
    }
    if (access.contains(Access.DELETE)) {
      objectActions.add("s3:DeleteObject");
    }
    if (access.contains(Access.CREATE) && !access.contains(Access.WRITE)) {
      // create-if-absent only: a put without If-None-Match (an overwrite) is denied
      grants.add(Permission.allow(List.of("s3:PutObject"), objects).when("StringEquals", IF_NONE_MATCH, "*"));
    }
    if (access.contains(Access.CLEAN_UP)) {
      objectActions.add("s3:AbortMultipartUpload");
      grants.add(Permission.allow(List.of("s3:ListBucketMultipartUploads"), bucket));
    }
    if (!objectActions.isEmpty()) {
      grants.add(Permission.allow(objectActions, objects));
    }
    if (access.contains(Access.LIST)) {
      grants.add(Permission.allow(List.of("s3:ListBucket"), bucket)
          .when("StringEquals", "s3:prefix", listedPrefix(at.key())));
    }
    IamPolicy policy = IamPolicy.of(grants);
    boolean writes = access.contains(Access.WRITE) || access.contains(Access.CREATE);
    if (kmsKeyId != null && (access.contains(Access.READ) || writes)) {
      policy = policy.and(kms(kmsKeyId, writes, scope));
    }
    return policy;
  }

  /** The directory a listing of {@code key} sends as its prefix: up to the last '/' before any wildcard. */
  static String listedPrefix(String key) {
    int wildcard = firstWildcard(key);
    String fixed = wildcard < 0 ? key : key.substring(0, wildcard);
    return wildcard < 0 && fixed.endsWith("/") ? fixed : fixed.substring(0, fixed.lastIndexOf('/') + 1);
  }

  private static int firstWildcard(String key) {
    int star = key.indexOf('*');
    int question = key.indexOf('?');
    return star < 0 ? question : question < 0 ? star : Math.min(star, question);
  }

  private static IamPolicy kms(String keyId, boolean write, IamScope scope) {
    String key = keyId.startsWith("arn:") ? keyId
        : keyId.startsWith("alias/") ? null : scope.arn("kms", "key/" + keyId);
    if (key == null) {
      return IamPolicy.undeclared("KMS key " + keyId + " (an alias: give the key's ARN or id to kmsKeyId)");
    }
    return IamPolicy.of(Permission.allow(write ? List.of("kms:Decrypt", "kms:GenerateDataKey")
        : List.of("kms:Decrypt"), key));
  }
}
