package dev.lake.internal.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SourceException;
import dev.lake.io.ObjectStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Reads JSON Lines (plain or gzipped) into rows of a given schema; blank lines are skipped. */
final class JsonLinesReader extends BaseRowFileReader {
  private final Schema schema;
  private final BufferedReader lines;
  private String next;
  private long nextLineNumber;

  JsonLinesReader(ObjectStore store, URI uri, Schema schema) throws IOException {
    super(uri);
    this.schema = schema;
    this.lines = TextFiles.open(store, uri);
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        String line = lines.readLine();
        if (line == null) {
          return false;
        }
        nextLineNumber++;
        if (!line.isBlank()) {
          next = line;
        }
      }
      return true;
    } catch (IOException e) {
      throw new SourceException("json", "Cannot read " + uri + " after line " + nextLineNumber + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  GenericRecord readNext() {
    String line = next;
    next = null;
    index = nextLineNumber;
    JsonNode node;
    try {
      node = TextParsing.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new SourceException("jsonl", "Invalid JSON at " + position() + ": " + e.getMessage(), e);
    }
    try {
      return (GenericRecord) JsonParsing.read(node, schema, "$");
    } catch (SchemaException e) {
      throw new SchemaException(e.getMessage() + " (" + position() + ")", e);
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
