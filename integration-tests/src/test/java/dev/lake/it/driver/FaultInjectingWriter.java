package dev.lake.it.driver;

import dev.lake.io.ObjectWriter;
import dev.lake.io.StagedObject;
import java.io.IOException;
import java.net.URI;

/**
 * The writer of a {@link FaultInjectingStore}: counts the bytes against the {@link StoreFaults} before each write
 * and forwards everything else, {@link #staged()} included, to the wrapped writer.
 *
 * <pre>{@code
 * ObjectWriter out = new FaultInjectingWriter(inner.newWriter(uri), uri, faults);
 * }</pre>
 */
public final class FaultInjectingWriter extends ObjectWriter {
  private final ObjectWriter inner;
  private final URI target;
  private final StoreFaults faults;

  FaultInjectingWriter(ObjectWriter inner, URI target, StoreFaults faults) {
    this.inner = inner;
    this.target = target;
    this.faults = faults;
  }

  @Override
  public void write(int b) throws IOException {
    faults.beforeWrite(target, 1);
    inner.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    faults.beforeWrite(target, len);
    inner.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    inner.flush();
  }

  @Override
  public long position() {
    return inner.position();
  }

  @Override
  public void commit() throws IOException {
    faults.beforeChange(target); // the bytes are written already: a full disk fails the next write, not this one
    inner.commit();
  }

  @Override
  public StagedObject staged() {
    return inner.staged();
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }
}
