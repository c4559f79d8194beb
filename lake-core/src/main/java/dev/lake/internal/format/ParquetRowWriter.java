package dev.lake.internal.format;

import dev.lake.io.FileMetrics;
import dev.lake.io.ObjectWriter;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.util.Optional;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one Parquet file without Hadoop: a {@link PlainParquetConfiguration}, an {@code OutputFile} over the object
 * writer and {@link ParquetCodecs}. Lists are written in the standard 3-level layout and timestamps as
 * {@code INT64 TIMESTAMP(MICROS|MILLIS, isAdjustedToUTC=true)}, which DuckDB, Spark and Athena read; top-level
 * decimals of precision 18 or less as {@code INT32} / {@code INT64} ({@link ParquetDecimals}).
 */
final class ParquetRowWriter extends BaseRowFileWriter {
  private final ParquetWriter<Object> writer;
  private long committedBytes = -1;
  private FileMetrics metrics;

  ParquetRowWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    super("Parquet", out);
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    // The 2-level "old" list structure is the parquet-avro default and is misread by Athena/Spark as a list of
    // records; the 3-level one (list.element) is the Parquet standard.
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
    conf.set(AvroWriteSupport.WRITE_PARQUET_UUID, "false");
    // Built here rather than by AvroParquetWriter so that field ids in the schema (Iceberg's) reach the file.
    // Decimals of precision <= 18 as INT32 / INT64 rather than parquet-avro's BINARY: see ParquetDecimals.
    MessageType fileSchema = ParquetDecimals.asIntegers(new AvroSchemaConverter(conf).convert(spec.schema()));
    if (ParquetFieldIds.present(spec.schema())) {
      fileSchema = ParquetFieldIds.apply(fileSchema, spec.schema());
    }
    Builder builder = new Builder(ObjectOutput.parquetFile(out),
        new RecordColumnsWriteSupport(fileSchema, spec.schema(), spec.model()))
        .withConf(conf)
        .withCodecFactory(ParquetCodecs.INSTANCE)
        .withCompressionCodec(codec(spec))
        .withRowGroupSize(spec.rowGroupBytes())
        .withDictionaryEncoding(true);
    LakeValuesWriterFactory.install(builder); // byte-array dictionaries with a faster lookup, the same file
    this.writer = builder.build();
  }

  /** A writer builder over a given write support, with no Hadoop {@code Configuration} involved. */
  private static final class Builder extends ParquetWriter.Builder<Object, Builder> {
    private final WriteSupport<Object> support;

    Builder(OutputFile file, WriteSupport<Object> support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    // Deprecated in Parquet 1.16 but still abstract, so it must be implemented; Lake builds the writer with a
    // ParquetConfiguration, which the overload below serves.
    @Override
    @SuppressWarnings("deprecation")
    protected WriteSupport<Object> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Object> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
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
    metrics = ParquetMetrics.of(writer.getFooter());
  }

  @Override
  public Optional<FileMetrics> metrics() {
    return Optional.ofNullable(metrics);
  }
}
