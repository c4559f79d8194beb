package dev.lake.io;

/**
 * Lake's own {@code file://} store for tests in other packages, whatever store a test has {@linkplain
 * ObjectStores#register registered} for {@code file://} meanwhile (the store itself is package-private).
 *
 * <pre>{@code
 * ObjectStore store = LocalStore.INSTANCE;
 * }</pre>
 */
public final class LocalStore {
  /** The one {@code file://} store. */
  public static final ObjectStore INSTANCE = LocalObjectStore.INSTANCE;

  private LocalStore() {}
}
