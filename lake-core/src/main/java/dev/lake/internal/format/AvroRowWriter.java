package dev.lake.internal.format;

import dev.lake.io.ObjectWriter;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;

/**
 * Writes one Avro object container file. Codecs: Snappy (the default), ZSTD, deflate for GZIP, none. Rows are read
 * through the spec's model by field name. {@link #bytes()} does not count the block being built (at most about
 * 64 KB).
 */
final class AvroRowWriter extends BaseRowFileWriter {
  private final DataFileWriter<Object> writer;

  AvroRowWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    super("Avro", out);
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
  void writeRow(Object row) throws IOException {
    writer.append(row);
  }

  @Override
  void finish() throws IOException {
    writer.close(); // flushes the last block; ObjectOutput.close() does not publish
  }
}
