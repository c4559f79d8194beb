package dev.lake.internal.format;

import dev.lake.io.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Streams over an {@link ObjectWriter} whose {@code close()} only flushes. Encoders (Parquet, Avro, gzip, FastCSV)
 * close their stream when they finish a file, but closing an ObjectWriter aborts it: the row writer, not the encoder,
 * decides between commit and abort.
 */
final class ObjectOutput extends PositionOutputStream {
  private static final int GZIP_MAGIC = 0x8b1f;
  private final ObjectWriter out;

  ObjectOutput(ObjectWriter out) {
    this.out = out;
  }

  /** The stream an encoder writes to: gzipped when asked (the whole file), else plain. */
  static OutputStream of(ObjectWriter out, boolean gzip) throws IOException {
    ObjectOutput plain = new ObjectOutput(out);
    return gzip ? new GZIPOutputStream(plain, 1 << 16) : plain;
  }

  /** True when the stream starts with the gzip magic number; {@code in} must support mark/reset. */
  static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 >= 0 && b1 >= 0 && ((b1 << 8) | b0) == GZIP_MAGIC;
  }

  /** A Parquet {@link OutputFile} whose single stream is this object. */
  static OutputFile parquetFile(ObjectWriter out) {
    return new OutputFile() {
      @Override
      public PositionOutputStream create(long blockSizeHint) {
        return new ObjectOutput(out);
      }

      @Override
      public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return new ObjectOutput(out);
      }

      @Override
      public boolean supportsBlockSize() {
        return false;
      }

      @Override
      public long defaultBlockSize() {
        return 0;
      }
    };
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
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
