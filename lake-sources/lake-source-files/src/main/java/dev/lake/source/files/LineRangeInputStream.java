package dev.lake.source.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a byte range {@code [start, end)} of a file: the bytes from the first line start at or after
 * {@code start} through the line break that ends the line crossing {@code end}. Lines are cut at {@code '\n'}
 * ({@code "\r\n"} ends with it too). A line longer than the range leaves the range empty: the range before reads it.
 *
 * <pre>{@code
 * InputStream lines = LineRangeInputStream.open(store.open(uri, start - 1, size - start + 1), start, end);
 * }</pre>
 */
final class LineRangeInputStream extends FilterInputStream {
  private final long end;
  private long position;
  private int last = '\n';
  private boolean done;

  private LineRangeInputStream(InputStream in, long position, long end) {
    super(in);
    this.position = position;
    this.end = end;
  }

  /**
   * The range's lines from {@code in}, which starts at byte {@code start - 1} of the file (at byte 0 when
   * {@code start} is 0): the partial line before the range's first line start is skipped.
   */
  static InputStream open(InputStream in, long start, long end) throws IOException {
    long position = start;
    if (start > 0) {
      position = start - 1;
      int b;
      while ((b = in.read()) >= 0) {
        position++;
        if (b == '\n') {
          break;
        }
      }
      if (b < 0) {
        position = end; // no line starts in the range
      }
    }
    LineRangeInputStream lines = new LineRangeInputStream(in, position, end);
    lines.done = position >= end;
    return lines;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done || len == 0) {
      return done ? -1 : 0;
    }
    if (position < end) {
      int n = in.read(b, off, (int) Math.min(len, end - position));
      return advance(b, off, n);
    }
    if (last == '\n') {
      done = true;
      return -1;
    }
    int n = in.read(b, off, len);
    if (n > 0) {
      for (int i = 0; i < n; i++) {
        if (b[off + i] == '\n') {
          done = true;
          position += i + 1;
          return i + 1;
        }
      }
    }
    return advance(b, off, n);
  }

  private int advance(byte[] b, int off, int n) {
    if (n < 0) {
      done = true;
      return -1;
    }
    if (n > 0) {
      position += n;
      last = b[off + n - 1];
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public int available() {
    return 0;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
