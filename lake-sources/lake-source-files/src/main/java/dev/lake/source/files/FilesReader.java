package dev.lake.source.files;

import dev.lake.RowFactory;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.SourceException;
import dev.lake.io.BadRow;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Reads files one after another. Subclasses read one file: {@link #start} opens it, {@link #read} returns its next
 * good row (rejecting bad ones on the way, through {@link #create} and {@link #reject}) or null at its end.
 */
abstract class FilesReader<T> implements SourceReader<T> {
  private final String connector;
  private final List<FileRef> files;
  private final RowFactory<T> factory;
  private final SourceContext ctx;
  /** The file being read (the last one started). */
  FileRef file;
  private int index = -1;
  private T next;
  private FileRef nextFile;
  private long nextLine;
  private FileRef positionFile;
  private long positionLine;
  private String position = ""; // null: made when asked for (most rows are never asked where they are)
  private boolean open;

  /**
   * @param connector the source's name, for rejected rows and failures
   * @param files the files to read, in order
   * @param factory makes rows from field values
   * @param ctx receives rejected rows
   */
  FilesReader(String connector, List<FileRef> files, RowFactory<T> factory, SourceContext ctx) {
    this.connector = connector;
    this.files = files;
    this.factory = factory;
    this.ctx = ctx;
  }

  /** The field that receives the file's URI (-1: none). */
  int fileField = -1;

  /** Sets the field that receives the file's URI in every row (-1: none). */
  final void fileField(int position) {
    fileField = position;
  }

  /** Opens {@link #file}; rows follow from {@link #read}. */
  abstract void start() throws IOException;

  /** The next row of the current file, or null at its end; {@link #rowPosition} tells where it started. */
  abstract T read() throws IOException;

  /** The line where the row {@link #read} returned last starts. */
  abstract long rowLine();

  /** Where the row {@link #read} returned last starts: file and line. */
  final String rowPosition() {
    return file.where(rowLine());
  }

  abstract void finish() throws IOException;

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (open) {
          next = read();
          if (next != null) {
            nextFile = file;
            nextLine = rowLine();
            return true;
          }
          open = false;
          finish();
        }
        if (index + 1 >= files.size()) {
          return false;
        }
        file = files.get(++index);
        start();
        open = true;
      }
      return true;
    } catch (IOException e) {
      throw Inputs.failure(connector, file.uri(), e);
    }
  }

  /** The row made of {@code values}, or null when the factory refuses them: then it is rejected with {@code raw}. */
  final T create(Object[] values, Supplier<String> raw) {
    if (fileField >= 0) {
      values[fileField] = file.uri();
    }
    try {
      return factory.create(values);
    } catch (LakeException | IllegalArgumentException e) {
      return reject(e.getMessage(), raw.get());
    }
  }

  /** Sends the row at {@link #rowPosition} aside with its reason and text; returns null, to skip it. */
  final T reject(String reason, String raw) {
    ctx.reject(BadRow.of(connector, reason, rowPosition(), raw));
    return null;
  }

  /** A failure to read {@code where} (a file or file:line), named for this source. */
  final SourceException failure(String where, Exception e) {
    return Inputs.failure(connector, where, e);
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T row = next;
    next = null;
    positionFile = nextFile;
    positionLine = nextLine;
    position = null;
    return row;
  }

  @Override
  public String position() {
    if (position == null) {
      position = positionFile == null ? "" : positionFile.where(positionLine);
    }
    return position;
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      finish();
    }
  }
}
