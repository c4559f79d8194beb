package dev.lake.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that forwards every call to another and fails the writes a test picks, as a full disk or a read-only file
 * system would: for crash tests of the commit protocol (in lake-core's test jar). Register it for a lake's root with
 * {@link ObjectStores#register} and put the real store back after.
 *
 * <pre>{@code
 * FaultyStore faulty = new FaultyStore(ObjectStores.forUri(root));
 * faulty.diskFullAfter(root.resolve("processed/"), 100_000);   // staged data writes fail past 100 kB
 * faulty.readOnly(root.resolve("_lake/"));                     // every write under _lake/ fails
 * ObjectStores.register(root, faulty);
 * }</pre>
 */
public final class FaultyStore implements ObjectStore {
  private final ObjectStore delegate;
  private volatile String fullUnder;
  private final AtomicLong bytesLeft = new AtomicLong(Long.MAX_VALUE);
  private volatile String readOnlyUnder;
  private final AtomicLong publishesLeft = new AtomicLong(Long.MAX_VALUE);
  private volatile String losingUnder;
  private volatile boolean losingCreates;
  private final AtomicLong responsesToLose = new AtomicLong();

  public FaultyStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  /** Writes under {@code prefix} fail with "No space left on device" once {@code bytes} more have been written. */
  public FaultyStore diskFullAfter(URI prefix, long bytes) {
    fullUnder = prefix.toString();
    bytesLeft.set(bytes);
    return this;
  }

  /** Every write, delete and move under {@code prefix} fails with "Read-only file system". */
  public FaultyStore readOnly(URI prefix) {
    readOnlyUnder = prefix.toString();
    return this;
  }

  /**
   * The next {@code n} {@link #write}s under {@code prefix} take effect, then fail with "the response was lost": a
   * request that succeeded at the store but whose caller never heard.
   */
  public FaultyStore loseWriteResponsesUnder(URI prefix, long n) {
    return losing(prefix, n, false);
  }

  /** The same for the next {@code n} {@link #createIfAbsent}s under {@code prefix} (a conditional commit). */
  public FaultyStore loseCreateResponsesUnder(URI prefix, long n) {
    return losing(prefix, n, true);
  }

  private FaultyStore losing(URI prefix, long n, boolean creates) {
    losingCreates = creates;
    losingUnder = prefix.toString();
    responsesToLose.set(n);
    return this;
  }

  private void loseResponse(URI uri, boolean create) throws IOException {
    String l = losingUnder;
    if (l != null && create == losingCreates && uri.toString().startsWith(l) && responsesToLose.getAndDecrement() > 0) {
      throw new IOException("Writing " + uri + ": the write took effect but its response was lost (injected)");
    }
  }

  /** Every {@link #publish} fails, as if the process died right after its commit. */
  public FaultyStore failPublish() {
    return failPublishAfter(0);
  }

  /** {@link #publish} works {@code n} more times, then fails: a process that died half-way through publishing. */
  public FaultyStore failPublishAfter(long n) {
    publishesLeft.set(n);
    return this;
  }

  /** No more faults. */
  public FaultyStore heal() {
    fullUnder = null;
    readOnlyUnder = null;
    publishesLeft.set(Long.MAX_VALUE);
    bytesLeft.set(Long.MAX_VALUE);
    return this;
  }

  private void checkWritable(URI uri) throws IOException {
    String r = readOnlyUnder;
    if (r != null && uri.toString().startsWith(r)) {
      throw new AccessDeniedException(uri.getPath(), null, "Read-only file system");
    }
  }

  private ObjectWriter guarded(URI uri, ObjectWriter out) {
    String full = fullUnder;
    if (full == null || !uri.toString().startsWith(full)) {
      return out;
    }
    return new ObjectWriter() {
      private void take(int n) throws IOException {
        if (bytesLeft.addAndGet(-n) < 0) {
          throw new IOException(uri.getPath() + ": No space left on device");
        }
      }

      @Override
      public void write(int b) throws IOException {
        take(1);
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        take(len);
        out.write(b, off, len);
      }

      @Override
      public long position() {
        return out.position();
      }

      @Override
      public void commit() throws IOException {
        out.commit();
      }

      @Override
      public StagedObject staged() {
        return out.staged();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    return delegate.open(uri);
  }

  @Override
  public InputStream open(URI uri, long offset, long length) throws IOException {
    return delegate.open(uri, offset, length);
  }

  @Override
  public Optional<ObjectInfo> stat(URI uri) throws IOException {
    return delegate.stat(uri);
  }

  @Override
  public List<ObjectInfo> list(URI prefix, boolean recursive) throws IOException {
    return delegate.list(prefix, recursive);
  }

  @Override
  public ObjectWriter newWriter(URI uri) throws IOException {
    checkWritable(uri);
    return guarded(uri, delegate.newWriter(uri));
  }

  @Override
  public ObjectWriter newStagedWriter(URI target) throws IOException {
    checkWritable(target);
    return guarded(target, delegate.newStagedWriter(target));
  }

  @Override
  public void publish(StagedObject staged) throws IOException {
    checkWritable(staged.target());
    if (publishesLeft.getAndDecrement() <= 0) {
      throw new IOException("Publishing " + staged.target() + " failed: the process died (injected)");
    }
    delegate.publish(staged);
  }

  @Override
  public void discard(StagedObject staged) throws IOException {
    delegate.discard(staged);
  }

  @Override
  public void move(URI from, URI to) throws IOException {
    checkWritable(from);
    checkWritable(to);
    delegate.move(from, to);
  }

  @Override
  public List<ObjectInfo> listUnpublished(URI prefix) throws IOException {
    return delegate.listUnpublished(prefix);
  }

  @Override
  public boolean createIfAbsent(URI uri, byte[] content) throws IOException {
    checkWritable(uri);
    boolean created = delegate.createIfAbsent(uri, content);
    loseResponse(uri, true);
    return created;
  }

  @Override
  public void write(URI uri, byte[] content) throws IOException {
    checkWritable(uri);
    delegate.write(uri, content);
    loseResponse(uri, false);
  }

  @Override
  public void delete(URI uri) throws IOException {
    checkWritable(uri);
    delegate.delete(uri);
  }

  @Override
  public void deleteAll(List<URI> uris) throws IOException {
    for (URI uri : uris) {
      checkWritable(uri);
    }
    delegate.deleteAll(uris);
  }

  @Override
  public void abortIncompleteWrites(URI prefix, Instant startedBefore) throws IOException {
    delegate.abortIncompleteWrites(prefix, startedBefore);
  }

  @Override
  public void abortIncompleteWrites(URI prefix, Instant startedBefore, String fileNamePrefix) throws IOException {
    delegate.abortIncompleteWrites(prefix, startedBefore, fileNamePrefix);
  }

  @Override
  public dev.lake.iam.IamPolicy permissions(URI location, java.util.Set<dev.lake.iam.Access> access,
      dev.lake.iam.IamScope scope) {
    return delegate.permissions(location, access, scope);
  }
}
