package dev.lake.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A store of immutable objects addressed by URI: the local file system ({@code file://}) in lake-core, S3
 * ({@code s3://}) in lake-s3. Found by scheme through {@code ObjectStores}. Implementations are thread-safe.
 *
 * <pre>{@code
 * ObjectStore store = ObjectStores.forUri(URI.create("file:///tmp/lake/"));
 * try (ObjectWriter out = store.newWriter(URI.create("file:///tmp/lake/a.txt"))) {
 *   out.write("hello".getBytes(UTF_8));
 *   out.commit();                      // visible now, all at once
 * }
 * for (ObjectInfo o : store.list(URI.create("file:///tmp/lake/"), true)) System.out.println(o.uri());
 * }</pre>
 */
public interface ObjectStore extends Closeable {

  /** Opens an object for reading. Throws {@link java.io.FileNotFoundException} when it does not exist. */
  InputStream open(URI uri) throws IOException;

  /** Opens {@code length} bytes starting at {@code offset} (a ranged read). */
  InputStream open(URI uri, long offset, long length) throws IOException;

  /** Size and modification time of an object, or empty when it does not exist. */
  Optional<ObjectInfo> stat(URI uri) throws IOException;

  /**
   * Objects under a prefix (a "directory" URI ending in '/'), sorted by URI. With {@code recursive} false only the
   * direct children objects are listed.
   */
  List<ObjectInfo> list(URI prefix, boolean recursive) throws IOException;

  /**
   * Starts writing an object. Nothing is visible until {@link ObjectWriter#commit()}, which replaces any object of
   * the same name atomically; closing without committing leaves nothing behind.
   */
  ObjectWriter newWriter(URI uri) throws IOException;

  /**
   * Starts writing an object that stays invisible after {@link ObjectWriter#commit()}: complete and durable, but not
   * listed, not readable at {@code target} and not matched by any reader's glob, until {@link #publish} is called with
   * {@link ObjectWriter#staged()}. This is how a run's files wait for the run's commit (as the S3A magic committer
   * keeps them as incomplete multipart uploads). The default writes a hidden sibling ({@code .<name>.staged}) with
   * {@link #newWriter} and publishes it with {@link #move}; stores override it with something cheaper.
   *
   * <pre>{@code
   * try (ObjectWriter out = store.newStagedWriter(uri)) {
   *   out.write(bytes);
   *   out.commit();
   *   pending.add(out.staged());     // published later, by this process or another
   * }
   * }</pre>
   */
  default ObjectWriter newStagedWriter(URI target) throws IOException {
    URI hidden = StagedObjects.hiddenSibling(target);
    ObjectWriter out = newWriter(hidden);
    return new StagedObjects.HiddenSiblingWriter(out, target, hidden);
  }

  /**
   * Makes a staged object visible at its target. Idempotent: publishing an object that is already published does
   * nothing, so a crashed commit can be rolled forward by any process. Never replaces an object that exists at the
   * target with other content.
   *
   * @throws java.io.FileNotFoundException when the staged data is gone and the target does not exist
   */
  default void publish(StagedObject staged) throws IOException {
    move(URI.create(staged.token().get(StagedObjects.HIDDEN)), staged.target());
  }

  /** Removes a staged object that will never be published. Idempotent. */
  default void discard(StagedObject staged) throws IOException {
    delete(URI.create(staged.token().get(StagedObjects.HIDDEN)));
  }

  /**
   * Moves an object (retiring a file a newer version no longer lists). Idempotent: when {@code from} is gone and
   * {@code to} exists, the move already happened. The default copies then deletes.
   *
   * @throws java.io.FileNotFoundException when neither exists
   */
  default void move(URI from, URI to) throws IOException {
    InputStream in;
    try {
      in = open(from);
    } catch (java.io.FileNotFoundException e) {
      if (stat(to).isPresent()) {
        return;
      }
      throw e;
    }
    try (in; ObjectWriter out = newWriter(to)) {
      in.transferTo(out);
      out.commit();
    }
    delete(from);
  }

  /**
   * What writers left under a prefix without publishing it: staged objects never published and writes never
   * finished (a killed process's temporary files, incomplete multipart uploads). Each entry's URI is the target the
   * write was for and its time when the write started. The default lists nothing.
   */
  default List<ObjectInfo> listUnpublished(URI prefix) throws IOException {
    return List.of();
  }

  /**
   * Creates an object only if none exists under that name (a conditional write, for manifests and cursors).
   *
   * @return false when the object already existed; nothing was written then
   */
  boolean createIfAbsent(URI uri, byte[] content) throws IOException;

  /** Deletes an object; deleting one that does not exist is not an error. */
  void delete(URI uri) throws IOException;

  /** Deletes several objects (in batches where the store supports it). */
  default void deleteAll(List<URI> uris) throws IOException {
    for (URI uri : uris) {
      delete(uri);
    }
  }

  /**
   * Removes what writers left under a prefix without publishing it (temporary files of a killed process, staged
   * objects never published, incomplete multipart uploads) if it was started before {@code startedBefore}. The
   * default does nothing.
   */
  default void abortIncompleteWrites(URI prefix, java.time.Instant startedBefore) throws IOException {}

  /**
   * Like {@link #abortIncompleteWrites(URI, java.time.Instant)}, but only for writes whose file name (the last path
   * segment of the object being written) starts with {@code fileNamePrefix}: how a committing run removes its own
   * earlier attempts' leftovers without touching a concurrent run's writes. The default does nothing.
   *
   * <pre>{@code
   * store.abortIncompleteWrites(URI.create("s3://bucket/lake/processed/sales/"), runStart, "part-" + commitKey + "-");
   * }</pre>
   */
  default void abortIncompleteWrites(URI prefix, java.time.Instant startedBefore, String fileNamePrefix)
      throws IOException {}

  /**
   * The local file that holds {@code uri}'s object, when this store keeps objects as plain files a reader may open
   * itself (random access without going through the store); empty otherwise, which the default returns. Lake's
   * {@code file://} store answers with the path; a store that counts, caches or transforms reads must not.
   *
   * <pre>{@code
   * Optional<Path> file = store.localPath(uri);   // Path.of(uri) for file://, empty for s3://
   * }</pre>
   */
  default Optional<Path> localPath(URI uri) {
    return Optional.empty();
  }

  /** Reads a whole (small) object. */
  default byte[] readAllBytes(URI uri) throws IOException {
    try (InputStream in = open(uri)) {
      return in.readAllBytes();
    }
  }

  /** Writes a whole (small) object, replacing any previous one atomically. */
  default void write(URI uri, byte[] content) throws IOException {
    try (ObjectWriter out = newWriter(uri)) {
      out.write(content);
      out.commit();
    }
  }

  /**
   * The permissions that {@code access} under {@code location} needs. {@code location} names an object, a
   * "directory" (ending in '/': everything under it) or a family of objects with {@code *} and {@code ?} wildcards in
   * its path (IAM's: {@code *} spans '/'); {@link dev.lake.iam.Access#LIST} lists the directory before the first wildcard. The
   * default declares nothing (an incomplete policy); the {@code file://} store needs nothing.
   *
   * <pre>{@code
   * IamPolicy p = ObjectStores.forUri(root).permissions(URI.create("s3://bucket/lake/processed/sales/"),
   *     EnumSet.of(Access.WRITE, Access.DELETE, Access.LIST), IamScope.unknown());
   * }</pre>
   */
  default dev.lake.iam.IamPolicy permissions(URI location, java.util.Set<dev.lake.iam.Access> access,
      dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.undeclared("object store for " + location.getScheme() + "://");
  }

  @Override
  default void close() throws IOException {}
}
