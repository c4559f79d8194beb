package dev.lake.sink.s3;

import dev.lake.exceptions.SinkException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@code move(from, to)} on S3: a server-side copy (no byte passes through Lake) then a delete of the source. Objects
 * up to 5 GiB, S3's limit for CopyObject, take one CopyObject; larger ones a multipart copy, parts of
 * {@code partSize} (or more, to stay within 10,000 parts) copied with UploadPartCopy in parallel on the store's
 * upload threads, each pinned to the source's ETag. The copy gets the store's encryption, storage class and checksum;
 * the source's tags and metadata are kept, unless the store sets tags (then the copy gets those).
 *
 * <pre>{@code
 * new ServerSideCopy(ops, executor, ServerSideCopy.MAX_SINGLE_COPY, 512L << 20).move(from, to);
 * }</pre>
 */
final class ServerSideCopy {
  static final long MAX_SINGLE_COPY = 5L << 30;
  private static final int MAX_PARTS = 10_000;

  private final S3Operations ops;
  private final Executor executor;
  private final long singleCopyLimit;
  private final long partSize;

  ServerSideCopy(S3Operations ops, Executor executor, long singleCopyLimit, long partSize) {
    this.ops = ops;
    this.executor = executor;
    this.singleCopyLimit = singleCopyLimit;
    this.partSize = partSize;
  }

  /** Idempotent: a source that is gone while the target exists means moved already; neither existing fails. */
  void move(S3Location from, S3Location to) throws IOException {
    Optional<HeadObjectResponse> source = head(from);
    if (source.isEmpty()) {
      requireMovedBefore(from, to);
      return;
    }
    long size = source.get().contentLength();
    try {
      if (size <= singleCopyLimit) {
        ops.call("CopyObject " + from + " to", to, () -> ops.s3.copyObject(ops.options.apply(CopyObjectRequest
            .builder()).sourceBucket(from.bucket()).sourceKey(from.key()).destinationBucket(to.bucket())
            .destinationKey(to.key()).build()), null);
      } else {
        copyInParts(from, to, size, source.get().eTag());
      }
    } catch (SinkException e) {
      if (!isNotFound(e)) {
        throw e;
      }
      requireMovedBefore(from, to); // another process moved it since the HEAD
      return;
    }
    Listing.deleteAll(ops, List.of(from));
  }

  private void requireMovedBefore(S3Location from, S3Location to) throws IOException {
    if (head(to).isEmpty()) {
      throw new FileNotFoundException("Cannot move " + from + " to " + to + ": neither exists");
    }
  }

  private void copyInParts(S3Location from, S3Location to, long size, String eTag) throws IOException {
    long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
    String uploadId = ops.createUpload(to);
    List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
    try {
      for (long offset = 0; offset < size; offset += part) {
        int number = parts.size() + 1;
        String range = "bytes=" + offset + "-" + (Math.min(size, offset + part) - 1);
        parts.add(CompletableFuture.supplyAsync(() -> copyPart(from, to, uploadId, number, range, eTag), executor));
      }
      List<CompletedPart> completed = new ArrayList<>();
      for (CompletableFuture<CompletedPart> p : parts) {
        completed.add(await(p));
      }
      ops.completeUpload(to, uploadId, completed);
    } catch (IOException | RuntimeException e) {
      // parts still copying could land after the abort and keep the upload alive: let them finish first
      CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).exceptionally(t -> null).join();
      try {
        ops.abortUpload(to, uploadId);
      } catch (IOException | RuntimeException abort) {
        e.addSuppressed(abort); // the upload is left for abortIncompleteWrites or a lifecycle rule
      }
      throw e;
    }
  }

  private CompletedPart copyPart(S3Location from, S3Location to, String uploadId, int number, String range,
      String eTag) {
    try {
      CopyPartResult r = ops.call("UploadPartCopy " + number + " (" + range + ") of " + from + " to", to,
          () -> ops.s3.uploadPartCopy(b -> b.sourceBucket(from.bucket()).sourceKey(from.key()).copySourceIfMatch(eTag)
              .copySourceRange(range).destinationBucket(to.bucket()).destinationKey(to.key()).uploadId(uploadId)
              .partNumber(number)), null).copyPartResult();
      return CompletedPart.builder().partNumber(number).eTag(r.eTag()).checksumCRC32(r.checksumCRC32())
          .checksumCRC32C(r.checksumCRC32C()).checksumSHA1(r.checksumSHA1()).checksumSHA256(r.checksumSHA256())
          .checksumCRC64NVME(r.checksumCRC64NVME()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CompletedPart await(CompletableFuture<CompletedPart> part) throws IOException {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while copying in parts");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw cause instanceof RuntimeException r ? r : new SinkException("s3", "Copying in parts failed", cause);
    }
  }

  private Optional<HeadObjectResponse> head(S3Location at) throws IOException {
    try {
      return Optional.of(ops.call("HeadObject", at, () -> ops.s3.headObject(r -> r.bucket(at.bucket())
          .key(at.key())), null));
    } catch (SinkException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean isNotFound(SinkException e) {
    return e.getCause() instanceof SdkException sdk && S3Operations.notFound(sdk);
  }
}
