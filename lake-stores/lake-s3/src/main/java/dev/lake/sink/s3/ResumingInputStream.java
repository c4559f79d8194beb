package dev.lake.sink.s3;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The body of a GetObject that survives a connection reset in the middle: it reopens the object at the byte it had
 * reached (a ranged GET pinned to the first response's ETag, so a replaced object is never spliced in) up to the
 * retrier's attempt limit.
 */
final class ResumingInputStream extends InputStream {
  private static final Logger LOG = LoggerFactory.getLogger(ResumingInputStream.class);

  private final S3Operations ops;
  private final S3Location at;
  private final long end; // exclusive; -1 when the response gave no length
  private final String etag;
  private ResponseInputStream<GetObjectResponse> in;
  private long position;
  private int resumes;

  ResumingInputStream(S3Operations ops, S3Location at, ResponseInputStream<GetObjectResponse> first, long start,
      long end) {
    this.ops = ops;
    this.at = at;
    this.in = first;
    this.position = start;
    Long length = first.response().contentLength();
    this.end = end >= 0 ? end : length == null ? -1 : start + length;
    this.etag = first.response().eTag();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (end >= 0 && position >= end) {
      return -1;
    }
    while (true) {
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          position += n;
        }
        return n;
      } catch (IOException | SdkException e) {
        if (++resumes >= ops.retrier.maxAttempts()) {
          throw e;
        }
        LOG.warn("Reading {} broke at byte {} ({}); resuming", at, position, ops.redactor.redact(e.toString()));
        in.abort();
        in = ops.get(at, "bytes=" + position + "-" + (end >= 0 ? String.valueOf(end - 1) : ""), etag);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (end < 0 || position < end) {
      in.abort(); // do not drain the rest of a large object just to reuse the connection
    }
    in.close();
  }
}
