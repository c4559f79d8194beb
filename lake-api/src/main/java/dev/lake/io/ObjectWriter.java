package dev.lake.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream into an object that appears only when {@link #commit()} is called (or, for a writer from
 * {@link ObjectStore#newStagedWriter}, when its {@link #staged()} object is published). {@link #close()} without a
 * commit aborts: a partially written object is never visible.
 *
 * <pre>{@code
 * // given: URI uri, byte[] bytes
 * try (ObjectWriter out = store.newWriter(uri)) {
 *   out.write(bytes);
 *   out.commit();
 * }
 * }</pre>
 */
public abstract class ObjectWriter extends OutputStream {

  /** Bytes written so far. */
  public abstract long position();

  /** Publishes the object. After this, further writes fail and {@link #close()} does nothing. */
  public abstract void commit() throws IOException;

  /**
   * For a writer from {@link ObjectStore#newStagedWriter}: after {@link #commit()}, the handle that publishes or
   * discards the staged object. Other writers throw {@link IllegalStateException}.
   */
  public StagedObject staged() {
    throw new IllegalStateException(getClass().getSimpleName() + " does not stage: it publishes on commit()");
  }

  /** Aborts unless committed. Idempotent. */
  @Override
  public abstract void close() throws IOException;
}
