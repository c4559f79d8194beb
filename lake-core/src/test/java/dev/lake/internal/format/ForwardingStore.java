package dev.lake.internal.format;

import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A store that is not the LocalObjectStore, so that readers take their generic (ranged read) path. */
final class ForwardingStore implements ObjectStore {
  private final ObjectStore delegate;
  int rangedReads;

  ForwardingStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    return delegate.open(uri);
  }

  @Override
  public InputStream open(URI uri, long offset, long length) throws IOException {
    rangedReads++;
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
    return delegate.newWriter(uri);
  }

  @Override
  public boolean createIfAbsent(URI uri, byte[] content) throws IOException {
    return delegate.createIfAbsent(uri, content);
  }

  @Override
  public void delete(URI uri) throws IOException {
    delegate.delete(uri);
  }
}
