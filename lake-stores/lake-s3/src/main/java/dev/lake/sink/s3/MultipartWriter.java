package dev.lake.sink.s3;

import dev.lake.exceptions.SinkException;
import dev.lake.io.ObjectWriter;
import dev.lake.io.StagedObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A streaming multipart upload. Bytes fill a part buffer; a full part is handed to the store's upload executor while
 * the caller keeps writing into the next buffer. At most {@code maxInFlight} parts are uploading at once (the writer
 * blocks when they are), so memory stays below {@code (maxInFlight + 1) * partSize} however large the object grows.
 * An object smaller than one part is sent as a single PutObject. Nothing is visible before {@link #commit()}
 * completes the upload; {@link #close()} without a commit, or any failure, aborts it.
 *
 * <p>A staging writer ({@code stages}) always makes a multipart upload, even of a few bytes: its {@link #commit()}
 * sends the last part (which may be of any size, also when it is the only one), waits for every part and leaves the
 * upload incomplete; {@link #staged()} is the handle that completes it later ({@link StagedUploads}).
 */
final class MultipartWriter extends ObjectWriter {
  private static final Logger LOG = LoggerFactory.getLogger(MultipartWriter.class);
  private static final int MAX_PARTS = 10_000;
  private static final int FIRST_BUFFER = 64 * 1024;

  private final S3Operations ops;
  private final S3Location target;
  private final int partSize;
  private final Executor executor;
  private final Semaphore inFlight;
  private final BlockingQueue<byte[]> spare;
  private final List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final boolean stages;

  private byte[] buffer; // grows to partSize: small files stay small in memory
  private int length;
  private long position;
  private String uploadId;
  private boolean done;
  private StagedObject staged;

  MultipartWriter(S3Operations ops, S3Location target, int partSize, int maxInFlight, Executor executor) {
    this(ops, target, partSize, maxInFlight, executor, false);
  }

  MultipartWriter(S3Operations ops, S3Location target, int partSize, int maxInFlight, Executor executor,
      boolean stages) {
    this.ops = ops;
    this.stages = stages;
    this.target = target;
    this.partSize = partSize;
    this.executor = executor;
    this.inFlight = new Semaphore(maxInFlight);
    this.spare = new ArrayBlockingQueue<>(maxInFlight + 1);
    this.buffer = new byte[Math.min(FIRST_BUFFER, partSize)];
  }

  @Override
  public void write(int b) throws IOException {
    if (!done && length < buffer.length && length + 1 < partSize) {
      buffer[length++] = (byte) b; // the common case without allocating
      position++;
      return;
    }
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    while (len > 0) {
      if (length == buffer.length && buffer.length < partSize) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, buffer.length * 2L));
      }
      int n = Math.min(len, buffer.length - length);
      System.arraycopy(b, off, buffer, length, n);
      length += n;
      position += n;
      off += n;
      len -= n;
      if (length == partSize) {
        sendPart(false);
      }
    }
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void commit() throws IOException {
    if (done) {
      throw new IOException("Writer for " + target + " is already committed or closed");
    }
    try {
      rethrowFailure();
      if (uploadId == null && !stages) {
        ops.put(target, buffer, length, false);
      } else {
        if (length > 0 || parts.isEmpty()) {
          sendPart(true); // a staged object of less than a part, even of none, is one upload of one part
        }
        List<CompletedPart> completed = new ArrayList<>();
        for (CompletableFuture<CompletedPart> part : parts) {
          completed.add(await(part));
        }
        if (stages) {
          staged = StagedUploads.handle(target, position, uploadId, completed, ops.options.checksum());
        } else {
          ops.completeUpload(target, uploadId, completed);
        }
      }
      done = true;
      buffer = null;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public StagedObject staged() {
    if (!stages) {
      return super.staged();
    }
    if (staged == null) {
      throw new IllegalStateException("Nothing staged yet for " + target + ": call commit() first");
    }
    return staged;
  }

  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    buffer = null;
    if (uploadId == null) {
      return; // nothing was sent
    }
    for (CompletableFuture<CompletedPart> part : parts) {
      try {
        part.get(); // a part still uploading could land after the abort and keep the upload alive
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | CompletionException e) {
        // already failed: nothing to wait for
      }
    }
    try {
      ops.abortUpload(target, uploadId);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not abort the multipart upload of {} ({}); the next commit under its prefix removes it, or an "
          + "S3 lifecycle rule (AbortIncompleteMultipartUpload) does", target, e.getMessage());
    }
  }

  /** Sends the buffer as the next part; after the {@code last} one no new buffer is needed. */
  private void sendPart(boolean last) throws IOException {
    rethrowFailure();
    if (uploadId == null) {
      uploadId = ops.createUpload(target);
    }
    int partNumber = parts.size() + 1;
    if (partNumber > MAX_PARTS) {
      throw new SinkException("s3", "Object " + target + " needs more than " + MAX_PARTS + " parts of " + partSize
          + " bytes: raise S3ObjectStore.builder().partSize(..)", null);
    }
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for an upload slot for " + target);
    }
    byte[] data = buffer;
    int size = length;
    String id = uploadId;
    CompletableFuture<CompletedPart> future = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        try {
          future.complete(ops.uploadPart(target, id, partNumber, data, size));
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
          future.completeExceptionally(t);
        } finally {
          spare.offer(data); // before the permit: the writer takes a spare buffer instead of allocating one
          inFlight.release();
        }
      });
    } catch (RuntimeException rejected) {
      inFlight.release();
      throw new SinkException("s3", "Cannot upload part " + partNumber + " of " + target
          + ": the store is closed", rejected);
    }
    parts.add(future);
    length = 0;
    if (last) {
      buffer = null;
      return;
    }
    byte[] next = spare.poll();
    buffer = next != null ? next : new byte[partSize];
  }

  private CompletedPart await(CompletableFuture<CompletedPart> part) throws IOException {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while completing the upload of " + target);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private void rethrowFailure() throws IOException {
    Throwable t = failure.get();
    if (t != null) {
      throw rethrow(t);
    }
  }

  private static IOException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return t instanceof IOException io ? io : new IOException(t);
  }

  private void ensureOpen() throws IOException {
    if (done) {
      throw new IOException("Writer for " + target + " is already committed or closed");
    }
    rethrowFailure();
  }

  static RequestBody body(byte[] data, int size) {
    // No copy: a provider of fresh streams over the same array, so the SDK can also replay it on a retry.
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, size), size,
        "application/octet-stream");
  }
}
