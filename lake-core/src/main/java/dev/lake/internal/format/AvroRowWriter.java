package dev.lake.internal.format;

import dev.lake.io.ObjectWriter;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;

/**
 * Writes one Avro object container file. Codecs: Snappy (the default), ZSTD, deflate for GZIP, none. Rows are read
 * through the spec's model by field name.
 */
final class AvroRowWriter implements RowFileWriter {
  private final ObjectWriter out;
  private final DataFileWriter<Object> writer;
  private long rows;
  private boolean done;

  AvroRowWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    this.out = out;
    this.writer = new DataFileWriter<>(new GenericDatumWriter<>(spec.schema(), spec.model()));
    writer.setCodec(switch (spec.compression()) {
      case NONE -> CodecFactory.nullCodec();
      case SNAPPY -> CodecFactory.snappyCodec();
      case ZSTD -> CodecFactory.zstandardCodec(3);
      case GZIP -> CodecFactory.deflateCodec(6);
    });
    writer.create(spec.schema(), new ObjectOutput(out));
  }

  @Override
  public void write(Object row) throws IOException {
    ensureOpen();
    writer.append(row);
    rows++;
  }

  @Override
  public long rows() {
    return rows;
  }

  /** Bytes in the object so far; the block being built (at most about 64 KB) is not counted. */
  @Override
  public long bytes() {
    return out.position();
  }

  @Override
  public void commit() throws IOException {
    ensureOpen();
    done = true;
    try {
      writer.close(); // flushes the last block; ObjectOutput.close() does not publish
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
      throw new IllegalStateException("This Avro writer is already committed or closed");
    }
  }
}
