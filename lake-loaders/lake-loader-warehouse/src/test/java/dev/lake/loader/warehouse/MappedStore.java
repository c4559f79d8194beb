package dev.lake.loader.warehouse;

import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import dev.lake.io.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An s3://bucket store kept in a local directory, so Redshift tests get s3:// URLs without an S3 server. */
final class MappedStore implements ObjectStore {
  private final String bucket;
  private final URI base;
  private final ObjectStore files;

  private MappedStore(String bucket, Path dir) {
    this.bucket = bucket;
    this.base = dir.toUri();
    this.files = ObjectStores.forUri(base);
  }

  /** Registers s3://{bucket} as a directory. */
  static void register(String bucket, Path dir) {
    ObjectStores.register(URI.create("s3://" + bucket), new MappedStore(bucket, dir));
  }

  private URI local(URI s3) {
    return Path.of(base).resolve(s3.getPath().substring(1)).toUri();
  }

  private URI s3(URI local) {
    String rel = Path.of(base).relativize(Path.of(local)).toString().replace('\\', '/');
    try {
      return new URI("s3", bucket, "/" + rel + (local.getPath().endsWith("/") ? "/" : ""), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    return files.open(local(uri));
  }

  @Override
  public InputStream open(URI uri, long offset, long length) throws IOException {
    return files.open(local(uri), offset, length);
  }

  @Override
  public Optional<ObjectInfo> stat(URI uri) throws IOException {
    return files.stat(local(uri)).map(i -> ObjectInfo.of(uri, i.size(), i.lastModified()));
  }

  @Override
  public List<ObjectInfo> list(URI prefix, boolean recursive) throws IOException {
    return files.list(local(prefix), recursive).stream()
        .map(i -> ObjectInfo.of(s3(i.uri()), i.size(), i.lastModified())).toList();
  }

  @Override
  public ObjectWriter newWriter(URI uri) throws IOException {
    return files.newWriter(local(uri));
  }

  @Override
  public boolean createIfAbsent(URI uri, byte[] content) throws IOException {
    return files.createIfAbsent(local(uri), content);
  }

  @Override
  public void delete(URI uri) throws IOException {
    files.delete(local(uri));
  }

  @Override
  public void abortIncompleteWrites(URI prefix, Instant startedBefore) throws IOException {
    files.abortIncompleteWrites(local(prefix), startedBefore);
  }

  @Override
  public void abortIncompleteWrites(URI prefix, Instant startedBefore, String fileNamePrefix) throws IOException {
    files.abortIncompleteWrites(local(prefix), startedBefore, fileNamePrefix);
  }
}
