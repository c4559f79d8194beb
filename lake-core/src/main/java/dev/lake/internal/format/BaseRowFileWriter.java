package dev.lake.internal.format;

import dev.lake.io.ObjectWriter;
import dev.lake.io.RowFileWriter;
import java.io.IOException;

/**
 * The lifecycle every row file writer shares, so that each format only encodes: {@link #write} counts rows and fails
 * once the writer is done; {@link #commit} finishes the encoder, publishes the object and closes it, in that order;
 * {@link #close} without a commit aborts the object. Encoders write through an {@link ObjectOutput}, whose close only
 * flushes, so finishing an encoder never publishes anything by itself.
 *
 * <pre>{@code
 * final class TsvRowWriter extends BaseRowFileWriter {
 *   TsvRowWriter(WriteSpec spec, ObjectWriter out) { super("TSV", out); ... }
 *   void writeRow(Object row) throws IOException { ... }
 *   void finish() throws IOException { stream.close(); }
 * }
 * }</pre>
 */
abstract class BaseRowFileWriter implements RowFileWriter {
  /** The object being written; subclasses read its position for {@link #bytes()}. */
  final ObjectWriter out;
  private final String format;
  private long rows;
  private boolean done;

  /**
   * @param format the format's name in messages, e.g. "JSON Lines"
   * @param out the object this writer commits or aborts
   */
  BaseRowFileWriter(String format, ObjectWriter out) {
    this.format = format;
    this.out = out;
  }

  /** Encodes one row. A row that fails here is not counted. */
  abstract void writeRow(Object row) throws IOException;

  /** Finishes the encoding (last block, footer, gzip trailer) into {@link #out}, without publishing. */
  abstract void finish() throws IOException;

  @Override
  public final void write(Object row) throws IOException {
    ensureOpen();
    writeRow(row);
    rows++;
  }

  @Override
  public final long rows() {
    return rows;
  }

  /** Bytes in the object so far; what the encoder still buffers is not counted unless a subclass says otherwise. */
  @Override
  public long bytes() {
    return out.position();
  }

  /** True once committed or closed. */
  final boolean isDone() {
    return done;
  }

  @Override
  public final void commit() throws IOException {
    ensureOpen();
    done = true;
    try {
      finish();
      out.commit();
    } finally {
      out.close();
    }
  }

  /** Aborts unless committed: the unfinished encoder is dropped with its buffers. */
  @Override
  public final void close() throws IOException {
    if (!done) {
      done = true;
      out.close();
    }
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("This " + format + " writer is already committed or closed");
    }
  }
}
