package dev.lake.it.driver;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults a {@link FaultInjectingStore} injects into the writes under one lake root: a disk that fills up after
 * so many bytes were written under {@code processed/} (every write under the root then fails with "No space left on
 * device"), and a read-only {@code _lake/} (every change under it fails with {@link AccessDeniedException} "Read-only
 * file system"). Reads, listings and writes outside the root are never faulted. Thread-safe.
 *
 * <pre>{@code
 * StoreFaults faults = new StoreFaults(root, 200_000, false);   // disk full after 200 kB of data files
 * }</pre>
 */
public final class StoreFaults {
  /** No disk-full fault. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  private final String root;
  private final long diskBytes;
  private final boolean readOnlyMetadata;
  private final AtomicLong dataBytesWritten = new AtomicLong();

  /**
   * @param root the lake root
   * @param diskBytes bytes that may be written under {@code processed/} before the disk is full, or {@link #UNLIMITED}
   * @param readOnlyMetadata whether {@code _lake/} is read-only
   */
  public StoreFaults(URI root, long diskBytes, boolean readOnlyMetadata) {
    String r = normalize(root);
    this.root = r.endsWith("/") ? r : r + "/";
    this.diskBytes = diskBytes;
    this.readOnlyMetadata = readOnlyMetadata;
  }

  /** No faults at all (the wrapper then only forwards). */
  public static StoreFaults none(URI root) {
    return new StoreFaults(root, UNLIMITED, false);
  }

  /** Called before a change (write, create, delete, move, publish, discard, abort) to {@code uri}. */
  public void beforeChange(URI uri) throws IOException {
    String u = normalize(uri);
    if (readOnlyMetadata && u.startsWith(root + "_lake/")) {
      throw new AccessDeniedException(u, null, "Read-only file system");
    }
  }

  /** Called before {@code bytes} more bytes are written to {@code uri}. */
  public void beforeWrite(URI uri, long bytes) throws IOException {
    beforeChange(uri);
    String u = normalize(uri);
    if (!u.startsWith(root) || diskBytes == UNLIMITED) {
      return;
    }
    if (dataBytesWritten.get() >= diskBytes) {
      throw new IOException("No space left on device");
    }
    if (u.startsWith(root + "processed/")) {
      dataBytesWritten.addAndGet(bytes);
    }
  }

  /** Bytes written under {@code processed/} so far. */
  public long dataBytesWritten() {
    return dataBytesWritten.get();
  }

  /** One spelling per location: {@code file:/a/b} and {@code file:///a/b/./b} both become {@code file:///a/b/b}. */
  static String normalize(URI uri) {
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      String s = Path.of(uri).toAbsolutePath().normalize().toUri().toString();
      return uri.toString().endsWith("/") && !s.endsWith("/") ? s + "/" : s;
    }
    return uri.normalize().toString();
  }
}
