package dev.lake.internal.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SourceException;
import dev.lake.io.ObjectStore;
import dev.lake.io.SourceReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Reads JSON Lines (plain or gzipped) into rows of a given schema; blank lines are skipped. */
final class JsonLinesReader implements SourceReader<GenericRecord> {
  private final URI uri;
  private final Schema schema;
  private final BufferedReader lines;
  private String next;
  private long lineNumber;
  private long nextLineNumber;

  JsonLinesReader(ObjectStore store, URI uri, Schema schema) throws IOException {
    this.uri = uri;
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
      throw new UncheckedIOException("Cannot read " + uri + " after line " + nextLineNumber, e);
    }
  }

  @Override
  public GenericRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more rows in " + uri);
    }
    String line = next;
    next = null;
    lineNumber = nextLineNumber;
    JsonNode node;
    try {
      node = TextValues.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new SourceException("jsonl", "Invalid JSON at " + position() + ": " + e.getMessage(), e);
    }
    try {
      return (GenericRecord) JsonValues.read(node, schema, "$");
    } catch (SchemaException e) {
      throw new SchemaException(e.getMessage() + " (" + position() + ")", e);
    }
  }

  @Override
  public String position() {
    return uri + ":" + lineNumber;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
