package dev.lake.internal.format;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page codecs that call snappy-java, zstd-jni and java.util.zip directly. Parquet's own
 * {@code CodecFactory} instantiates Hadoop codec classes, which Lake keeps off the runtime classpath. Stateless and
 * thread-safe: every call allocates its own buffers.
 */
@SuppressWarnings("deprecation") // BytesInput.toByteArray(): a heap copy is what the JNI codecs take
final class ParquetCodecs implements CompressionCodecFactory {
  static final ParquetCodecs INSTANCE = new ParquetCodecs();
  private static final int ZSTD_LEVEL = 3;

  private ParquetCodecs() {}

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    check(codec);
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return codec == CompressionCodecName.UNCOMPRESSED ? bytes
            : BytesInput.from(ParquetCodecs.compress(codec, bytes.toByteArray()));
      }

      @Override
      public CompressionCodecName getCodecName() {
        return codec;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    check(codec);
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
        if (codec == CompressionCodecName.UNCOMPRESSED) {
          return bytes;
        }
        return BytesInput.from(ParquetCodecs.decompress(codec, bytes.toByteArray(), uncompressedSize));
      }

      @Override
      public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
          throws IOException {
        byte[] in = new byte[compressedSize];
        input.duplicate().get(in);
        output.put(codec == CompressionCodecName.UNCOMPRESSED ? in
            : ParquetCodecs.decompress(codec, in, uncompressedSize));
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public void release() {}

  private static void check(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED, SNAPPY, ZSTD, GZIP -> { }
      default -> throw new UnsupportedOperationException("Parquet codec " + codec
          + " is not supported by Lake (it would need Hadoop): use SNAPPY, ZSTD, GZIP or no compression");
    }
  }

  private static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
    switch (codec) {
      case SNAPPY:
        return Snappy.compress(in);
      case ZSTD:
        return Zstd.compress(in, ZSTD_LEVEL);
      default:
        ByteArrayOutputStream buf = new ByteArrayOutputStream(in.length / 2 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(buf)) {
          gzip.write(in);
        }
        return buf.toByteArray();
    }
  }

  private static byte[] decompress(CompressionCodecName codec, byte[] in, int size) throws IOException {
    switch (codec) {
      case SNAPPY:
        return Snappy.uncompress(in);
      case ZSTD:
        return Zstd.decompress(in, size);
      default:
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in))) {
          return gzip.readNBytes(size);
        }
    }
  }
}
