package dev.lake.sink.s3;

import dev.lake.exceptions.SinkException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectInfo;
import dev.lake.io.StagedObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Staged objects on S3, as the S3A magic committer keeps them: an incomplete multipart upload to the final key, all
 * parts sent, waiting for its CompleteMultipartUpload. S3 lists it only with ListMultipartUploads, never with
 * ListObjectsV2, and no GET or HEAD finds it; publishing costs one request and copies nothing.
 *
 * <p>The handle's token holds what the CompleteMultipartUpload needs, nothing secret: {@code uploadId}; {@code etags},
 * the part ETags in part order, comma-separated (part {@code i} is the {@code i}-th, so the count is implied); and,
 * when the store adds a checksum, {@code checksumAlgorithm} and {@code checksums}, the parts' checksums likewise.
 *
 * <pre>{@code
 * StagedObject staged = StagedUploads.handle(target, 10, uploadId, List.of(part1), null);
 * StagedUploads.publish(ops, staged);   // CompleteMultipartUpload; again: nothing happens
 * }</pre>
 */
final class StagedUploads {
  static final String UPLOAD_ID = "uploadId";
  static final String ETAGS = "etags";
  static final String CHECKSUM_ALGORITHM = "checksumAlgorithm";
  static final String CHECKSUMS = "checksums";

  private StagedUploads() {}

  /** The handle of an upload whose parts are all sent. */
  static StagedObject handle(S3Location target, long bytes, String uploadId, List<CompletedPart> parts,
      ChecksumAlgorithm algorithm) {
    Map<String, String> token = new LinkedHashMap<>();
    token.put(UPLOAD_ID, uploadId);
    token.put(ETAGS, String.join(",", parts.stream().map(CompletedPart::eTag).toList()));
    List<String> sums = parts.stream().map(p -> checksum(p, algorithm)).toList();
    if (algorithm != null && !sums.contains(null)) { // a store that ignores checksums (s3proxy) returns none
      token.put(CHECKSUM_ALGORITHM, algorithm.toString());
      token.put(CHECKSUMS, String.join(",", sums));
    }
    return StagedObject.builder().target(target.uri()).bytes(bytes).token(token).build();
  }

  /**
   * CompleteMultipartUpload with the recorded parts. When S3 knows no such upload (completed before, by this process
   * or another, or aborted), a HEAD decides: an object of the staged size at the target means published already.
   */
  static void publish(S3Operations ops, StagedObject staged) throws IOException {
    S3Location at = S3Location.of(staged.target());
    String uploadId = uploadId(staged);
    try {
      ops.complete(at, uploadId, parts(staged), null);
      return;
    } catch (SinkException e) {
      if (!S3Operations.noSuchUpload(e)) {
        throw e;
      }
    }
    Optional<ObjectInfo> there;
    try {
      there = Listing.stat(ops, at);
    } catch (SinkException e) {
      throw new SinkException("s3", "Cannot publish " + at + ": its staged multipart upload is gone, and checking "
          + "whether it was published already failed (HeadObject needs s3:GetObject, Access.READ, on the target): "
          + e.getMessage(), e);
    }
    if (there.isPresent() && there.get().size() == staged.bytes()) {
      return; // published before
    }
    throw new FileNotFoundException("Cannot publish " + at + ": its staged multipart upload " + uploadId
        + " is gone (aborted, or completed and since replaced) and " + there.map(o -> "the object there has "
        + o.size() + " bytes, not " + staged.bytes()).orElse("no object is there"));
  }

  /** AbortMultipartUpload; an upload that is gone already is fine. */
  static void discard(S3Operations ops, StagedObject staged) throws IOException {
    ops.abortUpload(S3Location.of(staged.target()), uploadId(staged));
  }

  /** The incomplete multipart uploads under a prefix, by target key and initiation time (sizes unknown: 0). */
  static List<ObjectInfo> listUnpublished(S3Operations ops, S3Location prefix) throws IOException {
    List<ObjectInfo> out = new ArrayList<>();
    Listing.forEachUpload(ops, prefix, u -> out.add(ObjectInfo.of(S3Location.uri(prefix.bucket(), u.key()), 0,
        u.initiated() != null ? u.initiated() : Instant.EPOCH)));
    out.sort(Comparator.comparing(o -> o.uri().toString()));
    return out;
  }

  static String uploadId(StagedObject staged) {
    String id = staged.token().get(UPLOAD_ID);
    ValidationException.check(id != null && staged.token().containsKey(ETAGS),
        "%s is not a staged S3 multipart upload (its token has %s, not %s and %s): was it staged by another store?",
        staged.target(), staged.token().keySet(), UPLOAD_ID, ETAGS);
    return id;
  }

  static List<CompletedPart> parts(StagedObject staged) {
    String[] etags = staged.token().get(ETAGS).split(",");
    String algorithm = staged.token().get(CHECKSUM_ALGORITHM);
    String[] sums = algorithm == null ? null : staged.token().get(CHECKSUMS).split(",");
    List<CompletedPart> parts = new ArrayList<>(etags.length);
    for (int i = 0; i < etags.length; i++) {
      CompletedPart.Builder part = CompletedPart.builder().partNumber(i + 1).eTag(etags[i]);
      if (sums != null) {
        withChecksum(part, ChecksumAlgorithm.fromValue(algorithm), sums[i]);
      }
      parts.add(part.build());
    }
    return parts;
  }

  private static String checksum(CompletedPart p, ChecksumAlgorithm algorithm) {
    if (algorithm == null) {
      return null;
    }
    return switch (algorithm) {
      case CRC32 -> p.checksumCRC32();
      case CRC32_C -> p.checksumCRC32C();
      case SHA1 -> p.checksumSHA1();
      case SHA256 -> p.checksumSHA256();
      case CRC64_NVME -> p.checksumCRC64NVME();
      default -> null;
    };
  }

  private static void withChecksum(CompletedPart.Builder part, ChecksumAlgorithm algorithm, String sum) {
    switch (algorithm) {
      case CRC32 -> part.checksumCRC32(sum);
      case CRC32_C -> part.checksumCRC32C(sum);
      case SHA1 -> part.checksumSHA1(sum);
      case SHA256 -> part.checksumSHA256(sum);
      case CRC64_NVME -> part.checksumCRC64NVME(sum);
      default -> throw new ValidationException("Unknown checksum algorithm " + algorithm + " in a staged handle");
    }
  }
}
