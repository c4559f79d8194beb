package dev.lake.it.driver;

import dev.lake.iam.Access;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectWriter;
import dev.lake.io.StagedObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link ObjectStore} that forwards every method to the store it wraps (default methods included, so that the
 * wrapped store's own implementations run) and injects {@link StoreFaults} into the changes: writes (plain and
 * staged), conditional creates, deletes, moves, publishes, discards and aborts. {@code FaultInjectingStoreTest}
 * checks that it declares every method of the interface.
 *
 * <pre>{@code
 * URI root = URI.create("file:///tmp/lake/");
 * ObjectStores.register(root, new FaultInjectingStore(ObjectStores.forUri(root), new StoreFaults(root, 1 << 20, false)));
 * }</pre>
 */
public final class FaultInjectingStore implements ObjectStore {
  private final ObjectStore inner;
  private final StoreFaults faults;

  /** Wraps {@code inner}. */
  public FaultInjectingStore(ObjectStore inner, StoreFaults faults) {
    this.inner = inner;
    this.faults = faults;
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    return inner.open(uri);
  }

  @Override
  public InputStream open(URI uri, long offset, long length) throws IOException {
    return inner.open(uri, offset, length);
  }

  @Override
  public Optional<ObjectInfo> stat(URI uri) throws IOException {
    return inner.stat(uri);
  }

  /** None, even over the {@code file://} store: a reader that opened the file itself would escape the faults. */
  @Override
  public Optional<Path> localPath(URI uri) {
    return Optional.empty();
  }

  @Override
  public List<ObjectInfo> list(URI prefix, boolean recursive) throws IOException {
    return inner.list(prefix, recursive);
  }

  @Override
  public ObjectWriter newWriter(URI uri) throws IOException {
    faults.beforeWrite(uri, 0);
    return new FaultInjectingWriter(inner.newWriter(uri), uri, faults);
  }

  @Override
  public ObjectWriter newStagedWriter(URI target) throws IOException {
    faults.beforeWrite(target, 0);
    return new FaultInjectingWriter(inner.newStagedWriter(target), target, faults);
  }

  @Override
  public void publish(StagedObject staged) throws IOException {
    faults.beforeChange(staged.target());
    inner.publish(staged);
  }

  @Override
  public void discard(StagedObject staged) throws IOException {
    faults.beforeChange(staged.target());
    inner.discard(staged);
  }

  @Override
  public void move(URI from, URI to) throws IOException {
    faults.beforeChange(from);
    faults.beforeChange(to);
    inner.move(from, to);
  }

  @Override
  public List<ObjectInfo> listUnpublished(URI prefix) throws IOException {
    return inner.listUnpublished(prefix);
  }

  @Override
  public boolean createIfAbsent(URI uri, byte[] content) throws IOException {
    faults.beforeWrite(uri, content.length);
    return inner.createIfAbsent(uri, content);
  }

  @Override
  public void delete(URI uri) throws IOException {
    faults.beforeChange(uri);
    inner.delete(uri);
  }

  @Override
  public void deleteAll(List<URI> uris) throws IOException {
    for (URI uri : uris) {
      faults.beforeChange(uri);
    }
    inner.deleteAll(uris);
  }

  @Override
  public void abortIncompleteWrites(URI prefix, Instant startedBefore) throws IOException {
    faults.beforeChange(prefix);
    inner.abortIncompleteWrites(prefix, startedBefore);
  }

  @Override
  public void abortIncompleteWrites(URI prefix, Instant startedBefore, String fileNamePrefix) throws IOException {
    faults.beforeChange(prefix);
    inner.abortIncompleteWrites(prefix, startedBefore, fileNamePrefix);
  }

  @Override
  public byte[] readAllBytes(URI uri) throws IOException {
    return inner.readAllBytes(uri);
  }

  @Override
  public void write(URI uri, byte[] content) throws IOException {
    faults.beforeWrite(uri, content.length);
    inner.write(uri, content);
  }

  @Override
  public IamPolicy permissions(URI location, Set<Access> access, IamScope scope) {
    return inner.permissions(location, access, scope);
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }

  @Override
  public String toString() {
    return "FaultInjectingStore[" + inner + "]";
  }
}
