package dev.lake.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream into an object that appears only when {@link #commit()} is called. {@link #close()} without a commit
 * aborts: a partially written object is never visible.
 *
 * <pre>{@code
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

  /** Aborts unless committed. Idempotent. */
  @Override
  public abstract void close() throws IOException;
}
