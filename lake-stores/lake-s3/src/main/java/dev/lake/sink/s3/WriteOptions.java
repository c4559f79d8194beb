package dev.lake.sink.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * What every object written gets: encryption, storage class, tags, checksum. Applied the same to every kind of write:
 * PutObject, multipart uploads (staged ones too) and server-side copies.
 */
record WriteOptions(ServerSideEncryption sse, String kmsKeyId, StorageClass storageClass, Map<String, String> tags,
    ChecksumAlgorithm checksum) {

  PutObjectRequest.Builder apply(PutObjectRequest.Builder b) {
    if (sse != null) {
      b.serverSideEncryption(sse);
    }
    if (kmsKeyId != null) {
      b.ssekmsKeyId(kmsKeyId);
    }
    if (storageClass != null) {
      b.storageClass(storageClass);
    }
    if (!tags.isEmpty()) {
      b.tagging(tagging());
    }
    if (checksum != null) {
      b.checksumAlgorithm(checksum);
    }
    return b;
  }

  CreateMultipartUploadRequest.Builder apply(CreateMultipartUploadRequest.Builder b) {
    if (sse != null) {
      b.serverSideEncryption(sse);
    }
    if (kmsKeyId != null) {
      b.ssekmsKeyId(kmsKeyId);
    }
    if (storageClass != null) {
      b.storageClass(storageClass);
    }
    if (!tags.isEmpty()) {
      b.tagging(tagging());
    }
    if (checksum != null) {
      b.checksumAlgorithm(checksum);
    }
    return b;
  }

  /** The same for a server-side copy: the source's tags are kept unless the store sets its own. */
  CopyObjectRequest.Builder apply(CopyObjectRequest.Builder b) {
    if (sse != null) {
      b.serverSideEncryption(sse);
    }
    if (kmsKeyId != null) {
      b.ssekmsKeyId(kmsKeyId);
    }
    if (storageClass != null) {
      b.storageClass(storageClass);
    }
    if (!tags.isEmpty()) {
      b.taggingDirective(TaggingDirective.REPLACE).tagging(tagging());
    }
    if (checksum != null) {
      b.checksumAlgorithm(checksum);
    }
    return b;
  }

  /** Tags as S3's x-amz-tagging header wants them: a URL-encoded query string. */
  private String tagging() {
    return tags.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
