package dev.lake.internal.format;

import dev.lake.io.ObjectStore;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over any {@link ObjectStore}: each seek opens a ranged read from that offset to the end
 * of the object, so a Parquet reader reads the footer and then each column chunk with one request.
 */
final class StoreInputFile implements InputFile {
  private final ObjectStore store;
  private final URI uri;
  private final long length;

  StoreInputFile(ObjectStore store, URI uri) throws IOException {
    this.store = store;
    this.uri = uri;
    this.length = store.stat(uri).orElseThrow(() -> new FileNotFoundException("No such object: " + uri)).size();
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream();
  }

  @Override
  public String toString() {
    return uri.toString();
  }

  private final class Stream extends SeekableInputStream {
    private long pos;
    private InputStream in;

    private InputStream in() throws IOException {
      if (in == null) {
        in = store.open(uri, pos, length - pos);
      }
      return in;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos != pos) {
        close();
        pos = newPos;
      }
    }

    @Override
    public int read() throws IOException {
      if (pos >= length) {
        return -1;
      }
      int b = in().read();
      if (b >= 0) {
        pos++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= length) {
        return -1;
      }
      int n = in().read(b, off, len);
      if (n > 0) {
        pos += n;
      }
      return n;
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      int done = 0;
      while (done < len) {
        int n = read(bytes, start + done, len - done);
        if (n < 0) {
          throw new EOFException("Reached the end of " + uri + " with " + (len - done) + " bytes still to read");
        }
        done += n;
      }
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      byte[] bytes = new byte[buf.remaining()];
      int n = read(bytes, 0, bytes.length);
      if (n > 0) {
        buf.put(bytes, 0, n);
      }
      return n;
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
      byte[] bytes = new byte[buf.remaining()];
      readFully(bytes);
      buf.put(bytes);
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
        in = null;
      }
    }
  }
}
