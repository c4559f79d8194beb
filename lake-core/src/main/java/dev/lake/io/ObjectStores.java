package dev.lake.io;

import dev.lake.exceptions.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@link ObjectStore} for a URI: {@code file://} is built in, other schemes come from
 * {@link ObjectStoreProvider}s on the classpath (add {@code lake-s3} for {@code s3://}). Stores are cached per scheme
 * and authority (bucket) and shared; callers must not close them.
 *
 * <pre>{@code
 * ObjectStore store = ObjectStores.forUri(URI.create("s3://my-bucket/lake/"));
 * URI root = ObjectStores.toUri("./lake");   // file:///home/me/project/lake/
 * }</pre>
 */
public final class ObjectStores {
  private static final Map<String, ObjectStore> STORES = new ConcurrentHashMap<>();

  private ObjectStores() {}

  /** The store for {@code uri}'s scheme. */
  public static ObjectStore forUri(URI uri) {
    String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
    String key = scheme + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
    return STORES.computeIfAbsent(key, k -> create(scheme, uri));
  }

  /** Registers a store for a scheme and authority, replacing the discovered one (for tests and custom clients). */
  public static void register(URI root, ObjectStore store) {
    String scheme = root.getScheme().toLowerCase(Locale.ROOT);
    STORES.put(scheme + "://" + (root.getAuthority() == null ? "" : root.getAuthority()), store);
  }

  /**
   * Turns a user-supplied location into an absolute URI: {@code s3://b/p} stays as it is, a plain path
   * ({@code ./lake}, {@code /data}) becomes a {@code file://} URI. Directory-like inputs keep no trailing slash.
   * A location that is neither (a space in a URI, say) is a {@link ValidationException} naming it and the fix.
   */
  public static URI toUri(String location) {
    ValidationException.check(location != null && !location.isBlank(), "A location is required, e.g. ./lake or s3://bucket/prefix");
    try {
      if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
        return new URI(location);
      }
      return Path.of(location).toAbsolutePath().normalize().toUri();
    } catch (URISyntaxException | InvalidPathException e) {
      throw new ValidationException("Invalid location '" + location + "': " + e.getMessage()
          + "; percent-encode special characters in URIs (a space is %20) or give a plain path", e);
    }
  }

  private static ObjectStore create(String scheme, URI uri) {
    if (scheme.equals("file")) {
      return LocalObjectStore.INSTANCE;
    }
    for (ObjectStoreProvider provider : ServiceLoader.load(ObjectStoreProvider.class)) {
      if (provider.supports(scheme)) {
        return provider.create(uri);
      }
    }
    throw new ValidationException("No object store for '" + scheme + "://' URIs such as " + uri
        + ": add the connector that provides it to the classpath (lake-s3 for s3://)");
  }
}
