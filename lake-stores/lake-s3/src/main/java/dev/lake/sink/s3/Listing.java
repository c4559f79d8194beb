package dev.lake.sink.s3;

import dev.lake.exceptions.SinkException;
import dev.lake.io.ObjectInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** HEAD, paged listings, batched deletes and the sweep of incomplete multipart uploads; each page retried alone. */
final class Listing {
  private static final int DELETE_BATCH = 1000;

  private Listing() {}

  static Optional<ObjectInfo> stat(S3Operations ops, S3Location at) throws IOException {
    try {
      HeadObjectResponse head = ops.call("HeadObject", at,
          () -> ops.s3.headObject(r -> r.bucket(at.bucket()).key(at.key())), null);
      return Optional.of(ObjectInfo.of(at.uri(), head.contentLength(), head.lastModified()));
    } catch (SinkException e) {
      if (e.getCause() instanceof software.amazon.awssdk.core.exception.SdkException sdk
          && S3Operations.notFound(sdk)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  static List<ObjectInfo> list(S3Operations ops, S3Location prefix, boolean recursive) throws IOException {
    List<ObjectInfo> out = new ArrayList<>();
    String token = null;
    do {
      ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(prefix.bucket())
          .prefix(prefix.key()).continuationToken(token);
      if (!recursive) {
        req.delimiter("/");
      }
      ListObjectsV2Response page = ops.call("ListObjectsV2", prefix, () -> ops.s3.listObjectsV2(req.build()), null);
      for (S3Object o : page.contents()) {
        if (!o.key().endsWith("/")) { // a "folder" marker made by a console, not an object
          out.add(ObjectInfo.of(S3Location.uri(prefix.bucket(), o.key()), o.size(), o.lastModified()));
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return out;
  }

  static void deleteAll(S3Operations ops, List<S3Location> locations) throws IOException {
    Map<String, List<ObjectIdentifier>> byBucket = new LinkedHashMap<>();
    for (S3Location l : locations) {
      byBucket.computeIfAbsent(l.bucket(), b -> new ArrayList<>()).add(ObjectIdentifier.builder().key(l.key()).build());
    }
    for (Map.Entry<String, List<ObjectIdentifier>> e : byBucket.entrySet()) {
      List<ObjectIdentifier> keys = e.getValue();
      for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
        List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH));
        S3Location first = new S3Location(e.getKey(), batch.get(0).key());
        DeleteObjectsResponse r = ops.call("DeleteObjects (" + batch.size() + " keys from)", first,
            () -> ops.s3.deleteObjects(DeleteObjectsRequest.builder().bucket(e.getKey())
                .delete(Delete.builder().objects(batch).quiet(true).build()).build()), null);
        if (r.hasErrors() && !r.errors().isEmpty()) {
          var err = r.errors().get(0);
          throw new SinkException("s3", "Could not delete " + r.errors().size() + " of " + batch.size()
              + " objects in s3://" + e.getKey() + "/, first " + err.key() + ": " + err.code() + " "
              + err.message() + ". Check that the credentials allow s3:DeleteObject", null);
        }
      }
    }
  }

  /** An incomplete multipart upload found by {@link #forEachUpload}. */
  interface UploadVisitor {
    void visit(MultipartUpload upload) throws IOException;
  }

  static void abortUploads(S3Operations ops, S3Location prefix, Instant startedBefore, String fileNamePrefix)
      throws IOException {
    forEachUpload(ops, prefix, u -> {
      String fileName = u.key().substring(u.key().lastIndexOf('/') + 1);
      if ((u.initiated() == null || u.initiated().isBefore(startedBefore)) && fileName.startsWith(fileNamePrefix)) {
        ops.abortUpload(new S3Location(prefix.bucket(), u.key()), u.uploadId());
      }
    });
  }

  /** Every incomplete multipart upload (staged objects included) under {@code prefix}, page by page. */
  static void forEachUpload(S3Operations ops, S3Location prefix, UploadVisitor visitor) throws IOException {
    forEachUpload(ops, prefix, 1000, visitor);
  }

  static void forEachUpload(S3Operations ops, S3Location prefix, int pageSize, UploadVisitor visitor)
      throws IOException {
    String keyMarker = null;
    String idMarker = null;
    boolean more;
    do {
      ListMultipartUploadsRequest req = ListMultipartUploadsRequest.builder().bucket(prefix.bucket())
          .prefix(prefix.key()).keyMarker(keyMarker).uploadIdMarker(idMarker).maxUploads(pageSize).build();
      ListMultipartUploadsResponse page = ops.call("ListMultipartUploads", prefix,
          () -> ops.s3.listMultipartUploads(req), null);
      for (MultipartUpload u : page.uploads()) {
        visitor.visit(u);
      }
      more = Boolean.TRUE.equals(page.isTruncated());
      keyMarker = page.nextKeyMarker();
      idMarker = page.nextUploadIdMarker();
    } while (more && keyMarker != null);
  }
}
