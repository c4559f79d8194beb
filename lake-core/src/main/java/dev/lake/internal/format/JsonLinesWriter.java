package dev.lake.internal.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lake.io.ObjectWriter;
import dev.lake.io.WriteSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes JSON Lines: one object per line, UTF-8, the whole file gzipped for {@code GZIP}. Each row is rendered into
 * a buffer first, so a row that fails to render leaves the file intact and the writer usable. {@link #bytes()} counts
 * compressed bytes when gzipped; the gzip and stream buffers are not counted.
 */
final class JsonLinesWriter extends BaseRowFileWriter {
  private final WriteSpec spec;
  private final OutputStream stream;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
  private JsonGenerator gen;

  JsonLinesWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    super("JSON Lines", out);
    this.spec = spec;
    this.stream = ObjectOutput.of(out, TextFiles.gzip(spec));
    this.gen = newGenerator();
  }

  private JsonGenerator newGenerator() throws IOException {
    JsonGenerator generator = JsonRows.FACTORY.createGenerator(line, JsonEncoding.UTF8);
    generator.setRootValueSeparator(null); // this writer ends each row with '\n' itself
    return generator;
  }

  @Override
  void writeRow(Object row) throws IOException {
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
  }

  @Override
  void finish() throws IOException {
    stream.close(); // finishes gzip; ObjectOutput.close() only flushes
  }
}
