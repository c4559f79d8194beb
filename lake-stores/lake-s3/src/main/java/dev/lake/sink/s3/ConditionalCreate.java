package dev.lake.sink.s3;

import dev.lake.exceptions.SinkException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Create-if-absent for manifests and cursors: PutObject with {@code If-None-Match: *}, which S3 answers with 412 when
 * the key exists. Before the first use on a bucket, a probe object checks that the store honours the header; a store
 * that refuses it (501 NotImplemented, 400 naming the header) or ignores it (the second conditional put of the probe
 * succeeds) gets HEAD-then-PUT instead, which is not safe for concurrent writers of the same key (and which a
 * policy granting only conditional puts denies, as it should). The probe is written and deleted under
 * {@code <lake root>/_lake/probes/}, never in a manifest directory.
 */
final class ConditionalCreate {
  private static final Logger LOG = LoggerFactory.getLogger(ConditionalCreate.class);

  private static final String LAKE = "_lake/";

  private final S3Operations ops;
  private final Map<String, Boolean> honoured = new ConcurrentHashMap<>(); // bucket -> If-None-Match works

  ConditionalCreate(S3Operations ops) {
    this.ops = ops;
  }

  boolean createIfAbsent(S3Location at, byte[] content) throws IOException {
    try {
      if (!honoured.computeIfAbsent(at.bucket(), b -> probe(at))) {
        return headThenPut(at, content);
      }
      try {
        ops.put(at, content, content.length, true);
        return true;
      } catch (SinkException e) {
        if (!preconditionFailed(e)) {
          throw e;
        }
        // A retry (by Lake or by the SDK) may meet our own first attempt whose response was lost: the object then
        // holds exactly our bytes. Manifests carry their run id and time, so another writer's never match.
        try (var in = ops.get(at, null, null)) {
          return Arrays.equals(in.readAllBytes(), content);
        }
      }
    } catch (SinkException e) {
      // The caller (a manifest commit) cannot know whether the object was written: an IOException says so.
      throw new IOException(e.getMessage(), e);
    }
  }

  private boolean headThenPut(S3Location at, byte[] content) throws IOException {
    if (Listing.stat(ops, at).isPresent()) {
      return false;
    }
    ops.put(at, content, content.length, false);
    return true;
  }

  /** Whether conditional puts work on this bucket: two conditional puts of a fresh probe key, the second must fail. */
  private boolean probe(S3Location near) {
    S3Location probe = probeLocation(near);
    byte[] none = new byte[0];
    try {
      try {
        ops.put(probe, none, 0, true);
      } catch (SinkException e) {
        if (!preconditionFailed(e)) {
          throw e;
        }
        // a retried first put found the probe written by its own earlier attempt: the header is honoured
      }
      try {
        ops.put(probe, none, 0, true);
        LOG.warn("s3://{} ignores If-None-Match: conditional creates fall back to HEAD then PUT, which is not safe "
            + "for concurrent writers of one dataset", near.bucket());
        return false;
      } catch (SinkException e) {
        if (preconditionFailed(e)) {
          return true;
        }
        throw e;
      }
    } catch (SinkException e) {
      if (notImplemented(e)) {
        LOG.warn("s3://{} does not support If-None-Match ({}): conditional creates fall back to HEAD then PUT, which "
            + "is not safe for concurrent writers of one dataset", near.bucket(), e.getMessage());
        return false;
      }
      throw e;
    } catch (IOException e) {
      throw new SinkException("s3", "Probing conditional writes on s3://" + near.bucket() + " failed: "
          + e.getMessage(), e);
    } finally {
      try {
        Listing.deleteAll(ops, java.util.List.of(probe));
      } catch (IOException | RuntimeException e) {
        LOG.debug("Could not delete the probe object {}", probe, e);
      }
    }
  }

  /**
   * Where the probe goes: {@code <lake root>/_lake/probes/} for a key under a lake's {@code _lake/} directory (a
   * manifest or a state entry), so that no role needs to delete in a manifest directory; next to the key otherwise.
   */
  static S3Location probeLocation(S3Location near) {
    String key = near.key();
    int lake = key.startsWith(LAKE) ? 0 : key.indexOf("/" + LAKE) + 1;
    String directory = lake > 0 || key.startsWith(LAKE) ? key.substring(0, lake) + LAKE + "probes/"
        : near.parentPrefix();
    return new S3Location(near.bucket(), directory + ".lake-conditional-probe-" + UUID.randomUUID());
  }

  private static boolean preconditionFailed(SinkException e) {
    return e.getCause() instanceof S3Exception s3 && (s3.statusCode() == 412
        || "PreconditionFailed".equals(S3Operations.code(s3)));
  }

  private static boolean notImplemented(SinkException e) {
    if (!(e.getCause() instanceof S3Exception s3)) {
      return false;
    }
    String code = S3Operations.code(s3);
    return s3.statusCode() == 501 || "NotImplemented".equals(code)
        || (s3.statusCode() == 400 && String.valueOf(s3.getMessage()).contains("If-None-Match"));
  }
}
