package dev.lake.sink.iceberg;

import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import dev.lake.io.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Iceberg's {@link FileIO} over Lake's object stores ({@link ObjectStores#forUri}): {@code file://} built in,
 * {@code s3://} with lake-s3. Iceberg reads and writes its metadata, manifests and manifest lists through it, so an
 * Iceberg table needs no Hadoop and goes wherever a lake goes. Catalogs create it from the {@code io-impl} property.
 *
 * <pre>{@code
 * Map<String, String> props = Map.of("io-impl", LakeFileIO.class.getName(), "warehouse", "s3://bucket/warehouse");
 * }</pre>
 */
public final class LakeFileIO implements FileIO {
  private static final long serialVersionUID = 1L;
  private Map<String, String> properties = Map.of();

  @Override
  public void initialize(Map<String, String> props) {
    this.properties = Map.copyOf(props);
  }

  @Override
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public InputFile newInputFile(String path) {
    return new In(path, -1);
  }

  @Override
  public InputFile newInputFile(String path, long length) {
    return new In(path, length);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new Out(path);
  }

  @Override
  public void deleteFile(String path) {
    try {
      store(path).delete(uri(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + path + ": " + e.getMessage(), e);
    }
  }

  /** The URI of an Iceberg location; Hadoop's {@code file:/tmp/t} (one slash, as Spark writes it) included. */
  static URI uri(String path) {
    if (path.startsWith("file:") && !path.startsWith("file://")) {
      return java.nio.file.Path.of(URI.create(path)).toUri();
    }
    return ObjectStores.toUri(path);
  }

  static ObjectStore store(String path) {
    return ObjectStores.forUri(uri(path));
  }

  private record In(String path, long knownLength) implements InputFile {
    @Override
    public long getLength() {
      if (knownLength >= 0) {
        return knownLength;
      }
      try {
        return store(path).stat(uri(path)).map(ObjectInfo::size)
            .orElseThrow(() -> new NotFoundException("File does not exist: %s", path));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stat " + path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public SeekableInputStream newStream() {
      return new RangedStream(path, getLength());
    }

    @Override
    public String location() {
      return path;
    }

    @Override
    public boolean exists() {
      try {
        return store(path).stat(uri(path)).isPresent();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stat " + path + ": " + e.getMessage(), e);
      }
    }
  }

  /** Reads sequentially from a position; a seek elsewhere opens the object again at the new position. */
  private static final class RangedStream extends SeekableInputStream {
    private final String path;
    private final long length;
    private InputStream in;
    private long pos;

    RangedStream(String path, long length) {
      this.path = path;
      this.length = length;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos != pos) {
        closeStream();
        pos = newPos;
      }
    }

    private InputStream stream() throws IOException {
      if (in == null) {
        in = pos >= length ? InputStream.nullInputStream() : store(path).open(uri(path), pos, length - pos);
      }
      return in;
    }

    @Override
    public int read() throws IOException {
      int b = stream().read();
      if (b >= 0) {
        pos++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = stream().read(b, off, len);
      if (n > 0) {
        pos += n;
      }
      return n;
    }

    private void closeStream() throws IOException {
      if (in != null) {
        in.close();
        in = null;
      }
    }

    @Override
    public void close() throws IOException {
      closeStream();
    }
  }

  private record Out(String path) implements OutputFile {
    @Override
    public PositionOutputStream create() {
      try {
        if (store(path).stat(uri(path)).isPresent()) {
          throw new AlreadyExistsException("File already exists: %s", path);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stat " + path + ": " + e.getMessage(), e);
      }
      return createOrOverwrite();
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
      try {
        return new CommittingStream(store(path).newWriter(uri(path)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String location() {
      return path;
    }

    @Override
    public InputFile toInputFile() {
      return new In(path, -1);
    }
  }

  /** Publishes the object when closed, as Iceberg expects of a stream it has finished writing. */
  private static final class CommittingStream extends PositionOutputStream {
    private final ObjectWriter out;
    private boolean closed;

    CommittingStream(ObjectWriter out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return out.position();
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        try {
          out.commit();
        } finally {
          out.close();
        }
      }
    }
  }
}
