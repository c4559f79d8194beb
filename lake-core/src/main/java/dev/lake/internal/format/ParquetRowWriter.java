package dev.lake.internal.format;

import dev.lake.io.ObjectWriter;
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
final class ParquetRowWriter extends BaseRowFileWriter {
  private final ParquetWriter<Object> writer;
  private long committedBytes = -1;

  ParquetRowWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    super("Parquet", out);
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
  void writeRow(Object row) throws IOException {
    writer.write(row);
  }

  /** Includes the row group buffered in memory (Parquet writes it out whole); the file's size once committed. */
  @Override
  public long bytes() {
    return committedBytes >= 0 ? committedBytes : isDone() ? 0 : writer.getDataSize();
  }

  @Override
  void finish() throws IOException {
    writer.close(); // writes the footer; ObjectOutput.close() only flushes, so nothing is published yet
    committedBytes = out.position();
  }
}
