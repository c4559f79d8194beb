package dev.lake.internal.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lake.io.ObjectWriter;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes JSON Lines: one object per line, UTF-8, the whole file gzipped for {@code GZIP}. Each row is rendered into
 * a buffer first, so a row that fails to render leaves the file intact and the writer usable.
 */
final class JsonLinesWriter implements RowFileWriter {
  private final WriteSpec spec;
  private final ObjectWriter out;
  private final OutputStream stream;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
  private JsonGenerator gen;
  private long rows;
  private boolean done;

  JsonLinesWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    this.spec = spec;
    this.out = out;
    this.stream = ObjectOutput.of(out, TextFiles.gzip(spec));
    this.gen = newGenerator();
  }

  private JsonGenerator newGenerator() throws IOException {
    JsonGenerator generator = JsonRows.FACTORY.createGenerator(line, JsonEncoding.UTF8);
    generator.setRootValueSeparator(null); // this writer ends each row with '\n' itself
    return generator;
  }

  @Override
  public void write(Object row) throws IOException {
    ensureOpen();
    line.reset();
    try {
      JsonRows.write(gen, row, spec.schema(), spec.model());
      gen.flush();
    } catch (IOException | RuntimeException e) {
      gen = newGenerator(); // the old one is mid-object
      throw e;
    }
    line.write('\n');
    line.writeTo(stream);
    rows++;
  }

  @Override
  public long rows() {
    return rows;
  }

  /** Bytes in the object so far (compressed when gzipped); the gzip and stream buffers are not counted. */
  @Override
  public long bytes() {
    return out.position();
  }

  @Override
  public void commit() throws IOException {
    ensureOpen();
    done = true;
    try {
      stream.close(); // finishes gzip; ObjectOutput.close() only flushes
      out.commit();
    } finally {
      out.close();
    }
  }

  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      out.close();
    }
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("This JSON Lines writer is already committed or closed");
    }
  }
}
