package dev.lake.internal.format;

import dev.lake.exceptions.LakeException;
import dev.lake.io.ObjectStore;
import dev.lake.io.SourceReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads an Avro object container file as generic rows: logical types as Java values, strings as {@code String}. With
 * a schema, rows are resolved to it (Avro schema resolution); without, the file's schema is used.
 */
final class AvroRowReader implements SourceReader<GenericRecord> {
  private final URI uri;
  private final DataFileStream<GenericRecord> stream;
  private long index;

  AvroRowReader(ObjectStore store, URI uri, Schema schema) throws IOException {
    this.uri = uri;
    this.stream = new DataFileStream<>(new BufferedInputStream(store.open(uri), 1 << 16),
        new GenericDatumReader<>(null, schema, ReadModel.MODEL));
  }

  @Override
  public boolean hasNext() {
    return stream.hasNext();
  }

  @Override
  public GenericRecord next() {
    if (!stream.hasNext()) {
      throw new NoSuchElementException("No more rows in " + uri);
    }
    try {
      GenericRecord row = stream.next();
      index++;
      return (GenericRecord) ReadModel.strings(row, row.getSchema()); // Utf8 to String

    } catch (RuntimeException e) {
      throw new LakeException("Cannot read Avro file " + uri + " after row " + index + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String position() {
    return uri + ":" + index;
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }

}
