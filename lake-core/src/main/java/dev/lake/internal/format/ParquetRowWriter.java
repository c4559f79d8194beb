package dev.lake.internal.format;

import dev.lake.io.ObjectWriter;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes one Parquet file without Hadoop: a {@link PlainParquetConfiguration}, an {@code OutputFile} over the object
 * writer and {@link ParquetCodecs}. Lists are written in the standard 3-level layout and timestamps as
 * {@code INT64 TIMESTAMP(MICROS|MILLIS, isAdjustedToUTC=true)}, which DuckDB, Spark and Athena read.
 */
final class ParquetRowWriter implements RowFileWriter {
  private final ObjectWriter out;
  private final ParquetWriter<Object> writer;
  private long rows;
  private long committedBytes = -1;
  private boolean done;

  ParquetRowWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    this.out = out;
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    // The 2-level "old" list structure is the parquet-avro default and is misread by Athena/Spark as a list of
    // records; the 3-level one (list.element) is the Parquet standard.
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
    conf.set(AvroWriteSupport.WRITE_PARQUET_UUID, "false");
    this.writer = AvroParquetWriter.<Object>builder(ObjectOutput.parquetFile(out))
        .withConf(conf)
        .withSchema(spec.schema())
        .withDataModel(spec.model())
        .withCodecFactory(ParquetCodecs.INSTANCE)
        .withCompressionCodec(codec(spec))
        .withRowGroupSize(spec.rowGroupBytes())
        .withDictionaryEncoding(true)
        .build();
  }

  private static CompressionCodecName codec(WriteSpec spec) {
    return switch (spec.compression()) {
      case NONE -> CompressionCodecName.UNCOMPRESSED;
      case SNAPPY -> CompressionCodecName.SNAPPY;
      case ZSTD -> CompressionCodecName.ZSTD;
      case GZIP -> CompressionCodecName.GZIP;
    };
  }

  @Override
  public void write(Object row) throws IOException {
    ensureOpen();
    writer.write(row);
    rows++;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public long bytes() {
    return committedBytes >= 0 ? committedBytes : done ? 0 : writer.getDataSize();
  }

  @Override
  public void commit() throws IOException {
    ensureOpen();
    done = true;
    try {
      writer.close(); // writes the footer; ObjectOutput.close() only flushes, so nothing is published yet
      committedBytes = out.position();
      out.commit();
    } finally {
      out.close();
    }
  }

  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      out.close(); // aborts: the unfinished Parquet writer is dropped with its buffers
    }
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("This Parquet writer is already committed or closed");
    }
  }
}
