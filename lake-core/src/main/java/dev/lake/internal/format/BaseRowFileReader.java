package dev.lake.internal.format;

import dev.lake.io.SourceReader;
import java.net.URI;
import java.util.NoSuchElementException;
import org.apache.avro.generic.GenericRecord;

/**
 * The iterator skeleton every row file reader shares, so that each format only decodes: {@link #next()} fails past
 * the end and otherwise takes the row {@link #readNext()} returns; {@link #position()} is the file and the line (text
 * formats) or row count (binary formats) of that row. Subclasses implement {@code hasNext}, {@code readNext} and
 * {@code close}.
 *
 * <pre>{@code
 * final class TsvRowReader extends BaseRowFileReader {
 *   public boolean hasNext() { ... }
 *   GenericRecord readNext() { index = lineNumber; return row; }
 *   public void close() throws IOException { lines.close(); }
 * }
 * }</pre>
 */
abstract class BaseRowFileReader implements SourceReader<GenericRecord> {
  /** The file being read, for positions and messages. */
  final URI uri;
  /** The line number or row count of the row last returned; subclasses advance it. */
  long index;

  BaseRowFileReader(URI uri) {
    this.uri = uri;
  }

  /** The next row; called only after {@link #hasNext()} returned true. */
  abstract GenericRecord readNext();

  @Override
  public final GenericRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more rows in " + uri);
    }
    return readNext();
  }

  @Override
  public final String position() {
    return uri + ":" + index;
  }
}
