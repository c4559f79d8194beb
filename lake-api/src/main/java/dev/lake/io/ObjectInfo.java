package dev.lake.io;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An object's URI, size and last modification time.
 *
 * <pre>{@code
 * // given: ObjectStore store, URI uri
 * long size = store.stat(uri).map(ObjectInfo::size).orElse(0L);
 * ObjectInfo info = ObjectInfo.of(uri, 4_096, Instant.parse("2026-12-07T10:15:00Z"));
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the stores
 * that list objects.
 */
public final class ObjectInfo {
  private final URI uri;
  private final long size;
  private final Instant lastModified;

  private ObjectInfo(URI uri, long size, Instant lastModified) {
    this.uri = uri;
    this.size = size;
    this.lastModified = lastModified;
  }

  /**
   * An object as a store lists it.
   *
   * @param uri the object's URI
   * @param size its size in bytes
   * @param lastModified when it was last written
   */
  public static ObjectInfo of(URI uri, long size, Instant lastModified) {
    return new ObjectInfo(uri, size, lastModified);
  }

  /** The object's URI. */
  public URI uri() {
    return uri;
  }

  /** Its size in bytes. */
  public long size() {
    return size;
  }

  /** When it was last written. */
  public Instant lastModified() {
    return lastModified;
  }

  /** The last path segment of the URI. */
  public String fileName() {
    String path = uri.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ObjectInfo i && size == i.size && Objects.equals(uri, i.uri)
        && Objects.equals(lastModified, i.lastModified);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri, size, lastModified);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "ObjectInfo[uri=" + uri + ", size=" + size + ", lastModified=" + lastModified + "]";
  }
}
