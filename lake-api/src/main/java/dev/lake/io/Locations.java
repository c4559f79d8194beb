package dev.lake.io;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Builds child URIs from a directory URI and a relative path whose segments may hold any characters (percent signs
 * from partition encoding included), without double-encoding or losing the authority (an S3 bucket). For object
 * stores, sinks and loaders that address objects under a lake or a prefix.
 *
 * <pre>{@code
 * URI dir = Locations.directory(URI.create("s3://bucket/lake"));            // s3://bucket/lake/
 * URI file = Locations.child(dir, "processed/sales/city=Z%C3%BCrich/a.parquet");
 * String rel = Locations.relativize(dir, file);                              // processed/sales/city=Z%C3%BCrich/a.parquet
 * }</pre>
 */
public final class Locations {
  private Locations() {}

  /** {@code base} as a directory URI, ending in '/'. */
  public static URI directory(URI base) {
    String path = base.getPath() == null || base.getPath().isEmpty() ? "/" : base.getPath();
    return path.endsWith("/") ? base : with(base, path + "/");
  }

  /** The URI of {@code relative} (with '/' separators, unencoded) under the directory {@code base}. */
  public static URI child(URI base, String relative) {
    String dir = directory(base).getPath();
    return with(base, dir + (relative.startsWith("/") ? relative.substring(1) : relative));
  }

  /** The path of {@code uri} relative to the directory {@code base}, unencoded. */
  public static String relativize(URI base, URI uri) {
    String dir = directory(base).getPath();
    String path = uri.getPath();
    if (!path.startsWith(dir)) {
      throw new IllegalArgumentException(uri + " is not under " + base);
    }
    return path.substring(dir.length());
  }

  private static URI with(URI base, String path) {
    try {
      return new URI(base.getScheme(), base.getAuthority(), path, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Invalid path '" + path + "' under " + base, e);
    }
  }
}
