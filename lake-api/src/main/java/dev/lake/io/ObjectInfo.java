package dev.lake.io;

import java.net.URI;
import java.time.Instant;

/**
 * An object's URI, size and last modification time.
 *
 * <pre>{@code
 * // given: URI uri
 * store.stat(uri).map(ObjectInfo::size).orElse(0L);
 * }</pre>
 *
 * @param uri the object's URI
 * @param size its size in bytes
 * @param lastModified when it was last written
 */
public record ObjectInfo(URI uri, long size, Instant lastModified) {
  /** The last path segment of the URI. */
  public String fileName() {
    String path = uri.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
