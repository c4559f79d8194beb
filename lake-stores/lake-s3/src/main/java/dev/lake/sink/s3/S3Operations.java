package dev.lake.sink.s3;

import dev.lake.exceptions.SinkException;
import java.io.IOException;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The S3 calls the store and its writers make, each wrapped in Lake's retry and each failure turned into a
 * {@link SinkException} that names the object and the fix, with credentials redacted.
 */
final class S3Operations {
  final S3Client s3;
  final Retrier retrier;
  final WriteOptions options;
  final Redactor redactor;

  S3Operations(S3Client s3, Retrier retrier, WriteOptions options, Redactor redactor) {
    this.s3 = s3;
    this.retrier = retrier;
    this.options = options;
    this.redactor = redactor;
  }

  /** A single PutObject of {@code data[0..size)}, optionally only if no object has that key. */
  void put(S3Location at, byte[] data, int size, boolean ifNoneMatch) throws IOException {
    put(at, data, size, ifNoneMatch, null);
  }

  /** The same, reporting the attempt in progress through {@code attempt} (see {@link Retrier#run}). */
  void put(S3Location at, byte[] data, int size, boolean ifNoneMatch, int[] attempt) throws IOException {
    call(ifNoneMatch ? "Conditional PutObject" : "PutObject", at, () -> {
      PutObjectRequest.Builder req = options.apply(PutObjectRequest.builder()).bucket(at.bucket()).key(at.key())
          .contentLength((long) size);
      if (ifNoneMatch) {
        req.ifNoneMatch("*");
      }
      return s3.putObject(req.build(), MultipartWriter.body(data, size));
    }, attempt);
  }

  String createUpload(S3Location at) throws IOException {
    return call("CreateMultipartUpload", at, () -> s3.createMultipartUpload(
        options.apply(CreateMultipartUploadRequest.builder()).bucket(at.bucket()).key(at.key()).build()).uploadId(),
        null);
  }

  CompletedPart uploadPart(S3Location at, String uploadId, int partNumber, byte[] data, int size) throws IOException {
    UploadPartRequest.Builder req = UploadPartRequest.builder().bucket(at.bucket()).key(at.key()).uploadId(uploadId)
        .partNumber(partNumber).contentLength((long) size);
    if (options.checksum() != null) {
      req.checksumAlgorithm(options.checksum());
    }
    UploadPartResponse r = call("UploadPart " + partNumber, at,
        () -> s3.uploadPart(req.build(), MultipartWriter.body(data, size)), null);
    CompletedPart.Builder part = CompletedPart.builder().partNumber(partNumber).eTag(r.eTag());
    if (options.checksum() != null) {
      part.checksumCRC32(r.checksumCRC32()).checksumCRC32C(r.checksumCRC32C()).checksumSHA1(r.checksumSHA1())
          .checksumSHA256(r.checksumSHA256()).checksumCRC64NVME(r.checksumCRC64NVME());
    }
    return part.build();
  }

  /** CompleteMultipartUpload; a retry that finds no upload any more means an earlier attempt completed it. */
  void completeUpload(S3Location at, String uploadId, List<CompletedPart> parts) throws IOException {
    int[] attempt = {0};
    try {
      complete(at, uploadId, parts, attempt);
    } catch (SinkException e) {
      // A retried complete whose first attempt succeeded (its response lost to a reset) finds no upload any more.
      if (attempt[0] > 1 && noSuchUpload(e)) {
        return;
      }
      throw e;
    }
  }

  /** CompleteMultipartUpload with Lake's retries; a vanished upload fails (see {@link #noSuchUpload}). */
  void complete(S3Location at, String uploadId, List<CompletedPart> parts, int[] attempt) throws IOException {
    call("CompleteMultipartUpload", at, () -> s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
        .bucket(at.bucket()).key(at.key()).uploadId(uploadId)
        .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build()), attempt);
  }

  /** Aborts a multipart upload; one that is gone already (aborted or completed) is fine. */
  void abortUpload(S3Location at, String uploadId) throws IOException {
    try {
      call("AbortMultipartUpload", at, () -> s3.abortMultipartUpload(AbortMultipartUploadRequest.builder()
          .bucket(at.bucket()).key(at.key()).uploadId(uploadId).build()), null);
    } catch (SinkException e) {
      if (!noSuchUpload(e)) {
        throw e;
      }
    }
  }

  /** Whether a call failed because S3 knows no such multipart upload (completed or aborted already). */
  static boolean noSuchUpload(SinkException e) {
    return e.getCause() instanceof S3Exception s3e && "NoSuchUpload".equals(code(s3e));
  }

  /** GetObject, whole or a byte range ({@code range} like {@code bytes=0-99}), pinned to an ETag when given. */
  ResponseInputStream<GetObjectResponse> get(S3Location at, String range, String ifMatch) throws IOException {
    return call("GetObject", at, () -> s3.getObject(GetObjectRequest.builder().bucket(at.bucket()).key(at.key())
        .range(range).ifMatch(ifMatch).build()), null);
  }

  /** Runs one S3 call with Lake's retries; SDK failures become SinkExceptions that name the object. */
  <T> T call(String what, S3Location at, Retrier.Call<T> call, int[] attempt) throws IOException {
    int[] holder = attempt != null ? attempt : new int[1];
    try {
      return retrier.run(what + " " + at, call, holder);
    } catch (SdkException e) {
      throw failure(what, at, e, holder[0]);
    }
  }

  SinkException failure(String what, S3Location at, SdkException e, int attempts) {
    String message = what + " " + at + " failed: " + redactor.redact(String.valueOf(e.getMessage()));
    if (e instanceof S3Exception s3e) {
      message += hint(s3e);
    }
    return new SinkException("s3", message, e, Retrier.isRetryable(e), attempts);
  }

  static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  static boolean notFound(SdkException e) {
    return e instanceof S3Exception s3e && s3e.statusCode() == 404 && !"NoSuchBucket".equals(code(s3e));
  }

  private static String hint(S3Exception e) {
    String code = code(e);
    if ("NoSuchBucket".equals(code)) {
      return ". The bucket does not exist: create it, or fix the bucket in the lake's URI";
    }
    if (e.statusCode() == 403) {
      return ". Access denied: check the credentials (default provider chain or builder().credentials(..)) and "
          + "that the bucket policy allows s3:GetObject, s3:PutObject, s3:ListBucket, s3:DeleteObject and "
          + "s3:AbortMultipartUpload on the prefix";
    }
    if (e.statusCode() == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
      return ". The bucket is in another region: set builder().region(..) or AWS_REGION to the bucket's region";
    }
    return "";
  }
}
