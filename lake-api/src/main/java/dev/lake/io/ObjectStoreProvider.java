package dev.lake.io;

import java.net.URI;

/**
 * Makes {@link ObjectStore}s for a URI scheme. Implementations are registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.lake.io.ObjectStoreProvider}; lake-s3 registers {@code s3}.
 *
 * <pre>{@code
 * public final class S3StoreProvider implements ObjectStoreProvider {   // what lake-s3 registers, in short
 *   public boolean supports(String scheme) { return "s3".equals(scheme); }
 *   public ObjectStore create(URI root) { return S3ObjectStore.builder().build(); }
 * }
 * }</pre>
 */
public interface ObjectStoreProvider {

  /** True when this provider handles URIs of that scheme (lower case, e.g. {@code "s3"}). */
  boolean supports(String scheme);

  /** A store for URIs under {@code root}. */
  ObjectStore create(URI root);
}
