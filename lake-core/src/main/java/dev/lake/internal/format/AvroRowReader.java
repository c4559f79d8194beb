package dev.lake.internal.format;

import dev.lake.exceptions.LakeException;
import dev.lake.io.ObjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URI;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads an Avro object container file as generic rows: logical types as Java values, strings as {@code String}. With
 * a schema, rows are resolved to it (Avro schema resolution); without, the file's schema is used.
 */
final class AvroRowReader extends BaseRowFileReader {
  private final DataFileStream<GenericRecord> stream;

  AvroRowReader(ObjectStore store, URI uri, Schema schema) throws IOException {
    super(uri);
    this.stream = new DataFileStream<>(new BufferedInputStream(store.open(uri), 1 << 16),
        new GenericDatumReader<>(null, schema, ReadModel.MODEL));
  }

  @Override
  public boolean hasNext() {
    return stream.hasNext();
  }

  @Override
  GenericRecord readNext() {
    try {
      GenericRecord row = stream.next();
      index++;
      return (GenericRecord) ReadModel.strings(row, row.getSchema()); // Utf8 to String
    } catch (RuntimeException e) {
      throw new LakeException("Cannot read Avro file " + uri + " after row " + index + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
