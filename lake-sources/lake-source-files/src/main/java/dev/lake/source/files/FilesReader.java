package dev.lake.source.files;

import dev.lake.io.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads files one after another. Subclasses read one file: {@link #start} opens it, {@link #read} returns its next
 * good row (rejecting bad ones on the way) or null at its end.
 */
abstract class FilesReader<T> implements SourceReader<T> {
  private final List<FileRef> files;
  private int index = -1;
  private T next;
  private String nextPosition = "";
  private String position = "";
  private boolean open;

  FilesReader(List<FileRef> files) {
    this.files = files;
  }

  /** Opens {@code file}; rows follow from {@link #read}. */
  abstract void start(FileRef file) throws IOException;

  /** The next row of the current file, or null at its end; {@link #rowPosition} tells where it started. */
  abstract T read() throws IOException;

  abstract String rowPosition();

  abstract void finish() throws IOException;

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (open) {
          next = read();
          if (next != null) {
            nextPosition = rowPosition();
            return true;
          }
          open = false;
          finish();
        }
        if (index + 1 >= files.size()) {
          return false;
        }
        start(files.get(++index));
        open = true;
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T row = next;
    next = null;
    position = nextPosition;
    return row;
  }

  @Override
  public String position() {
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
