package dev.lake.internal.format;

import dev.lake.exceptions.LakeException;
import dev.lake.internal.store.LocalObjectStore;
import dev.lake.io.ObjectStore;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * Reads a Parquet file as generic rows with Java logical-type values and String strings, without Hadoop: a
 * {@link PlainParquetConfiguration}, {@link ParquetCodecs}, and a {@code LocalInputFile} or {@link StoreInputFile}.
 */
final class ParquetRowReader implements SourceReader<GenericRecord> {
  private final URI uri;
  private final ParquetReader<GenericRecord> reader;
  private GenericRecord next;
  private long index;

  ParquetRowReader(ObjectStore store, URI uri, Schema projection) throws IOException {
    this.uri = uri;
    InputFile file = store instanceof LocalObjectStore ? new LocalInputFile(Path.of(uri)) : new StoreInputFile(store, uri);
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    // The non-compatible converter applies the model's logical-type conversions (Instant, LocalDate, BigDecimal).
    conf.set(AvroReadSupport.AVRO_COMPATIBILITY, "false");
    // A projection is converted to Parquet types like a written schema: with the standard 3-level lists we write.
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
    if (projection != null) {
      conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, projection.toString());
    }
    try {
      this.reader = AvroParquetReader.<GenericRecord>builder(file, conf)
          .withDataModel(ReadModel.MODEL)
          .withCodecFactory(ParquetCodecs.INSTANCE)
          .build();
    } catch (LinkageError e) {
      throw new LakeException("Reading Parquet file " + uri + " needs Hadoop classes (" + e.getMessage()
          + "): add org.apache.hadoop:hadoop-common and hadoop-mapreduce-client-core to the runtime classpath", e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = reader.read();
      } catch (IOException e) {
        throw new LakeException("Cannot read Parquet file " + uri + " after row " + index + ": " + e.getMessage(), e);
      }
    }
    return next != null;
  }

  @Override
  public GenericRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more rows in " + uri);
    }
    GenericRecord row = next;
    next = null;
    index++;
    return (GenericRecord) ReadModel.strings(row, row.getSchema());
  }

  @Override
  public String position() {
    return uri + ":" + index;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
