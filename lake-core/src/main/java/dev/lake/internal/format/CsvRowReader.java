package dev.lake.internal.format;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SourceException;
import dev.lake.io.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads CSV with a header line (plain or gzipped) into rows of a given schema. Columns are matched by header name:
 * columns the schema lacks are ignored, fields the header lacks are null. Empty fields are null.
 */
final class CsvRowReader extends BaseRowFileReader {
  private final Schema schema;
  private final CsvReader<CsvRecord> csv;
  private final Iterator<CsvRecord> records;
  private final Schema.Field[] columns;

  CsvRowReader(ObjectStore store, URI uri, Schema schema) throws IOException {
    super(uri);
    this.schema = schema;
    // Field counts are checked here, to name the file and line in the message.
    this.csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
        .ofCsvRecord(TextFiles.open(store, uri));
    this.records = csv.iterator();
    try {
      CsvRecord header = records.hasNext() ? records.next() : null;
      this.columns = new Schema.Field[header == null ? 0 : header.getFieldCount()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = schema.getField(header.getField(i).strip());
      }
    } catch (CsvParseException e) {
      csv.close();
      throw new SourceException("csv", "Invalid CSV header in " + uri + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    try {
      return records.hasNext();
    } catch (CsvParseException e) {
      throw new SourceException("csv", "Invalid CSV in " + uri + " after line " + index + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  GenericRecord readNext() {
    CsvRecord record = records.next();
    index = record.getStartingLineNumber();
    if (record.getFieldCount() != columns.length) {
      throw new SourceException("csv", "Expected " + columns.length + " fields but found " + record.getFieldCount()
          + " at " + position(), null);
    }
    GenericData.Record row = new GenericData.Record(schema);
    for (int i = 0; i < columns.length; i++) {
      Schema.Field field = columns[i];
      if (field != null) {
        try {
          row.put(field.pos(), TextParsing.parse(record.getField(i), field.schema(), "$." + field.name()));
        } catch (SchemaException e) {
          throw new SchemaException(e.getMessage() + " (" + position() + ")", e);
        }
      }
    }
    return row;
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
