package dev.lake.source.files;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.lake.RowFactory;
import dev.lake.SchemaInference;
import dev.lake.internal.schema.Values;
import dev.lake.io.SourceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Reads CSV files with FastCSV into rows. Per field it keeps the last text and its parsed value: consecutive rows of
 * one invoice share dates, countries and customers, and reusing the value skips the parse (values are immutable).
 */
final class CsvFileReader<T> extends FilesReader<T> {
  private final Schema schema;
  private final CsvSettings settings;
  private final FieldMatcher matcher;
  private final Schema[] types;
  private final String[] names;
  private final boolean[] cacheable;
  private final Object[] missing;
  private final String[] lastText;
  private final Object[] lastValue;

  private CsvReader<CsvRecord> csv;
  private CloseableIterator<CsvRecord> records;
  private int[] columnOf;
  private int expectedFields;
  private long line;

  CsvFileReader(List<FileRef> files, Schema schema, RowFactory<T> factory, CsvSettings settings,
      SourceContext ctx) {
    super(CsvSource.NAME, files, factory, ctx);
    this.schema = schema;
    this.settings = settings;
    this.matcher = new FieldMatcher(schema, settings.mapping());
    int n = schema.getFields().size();
    types = new Schema[n];
    names = new String[n];
    cacheable = new boolean[n];
    missing = new Object[n];
    lastText = new String[n];
    lastValue = new Object[n];
    for (Schema.Field field : schema.getFields()) {
      int i = field.pos();
      types[i] = field.schema();
      names[i] = field.name();
      cacheable[i] = isImmutable(Values.nonNull(field.schema()));
      missing[i] = FieldMatcher.missing(field);
    }
  }

  /** A schema from the header and the first {@code sampleSize} rows of {@code file}. */
  static org.apache.avro.Schema infer(FileRef file, CsvSettings settings) {
    try (CsvReader<CsvRecord> csv = open(file, settings)) {
      List<String> header = null;
      List<List<String>> samples = new ArrayList<>();
      for (CsvRecord r : csv) {
        if (header == null && settings.header()) {
          header = r.getFields();
          continue;
        }
        if (samples.size() >= settings.sampleSize()) {
          break;
        }
        samples.add(r.getFields());
      }
      if (!settings.columns().isEmpty()) {
        header = settings.columns();
      } else if (header == null) {
        header = new ArrayList<>();
        int width = samples.isEmpty() ? 0 : samples.get(0).size();
        for (int i = 1; i <= width; i++) {
          header.add("column_" + i);
        }
      }
      return SchemaInference.fromCsv("CsvRow", header, samples);
    } catch (IOException | UncheckedIOException | CsvParseException e) {
      throw Inputs.failure(CsvSource.NAME, file.uri(), e);
    }
  }

  @Override
  void start() {
    csv = open(file, settings);
    records = csv.iterator();
    List<String> header;
    if (settings.header() && file.isRange() && file.start() > 0) {
      header = settings.columns().isEmpty() ? headerOf(file) : settings.columns(); // a later range: no header line
    } else if (settings.header()) {
      if (!fetch()) {
        return; // an empty file: no header, no rows
      }
      header = settings.columns().isEmpty() ? current.getFields() : settings.columns();
    } else {
      header = settings.columns().isEmpty() ? fieldNames() : settings.columns();
    }
    expectedFields = header.size();
    columnOf = matcher.columnsOf(header);
    int[] provided = columnOf;
    if (fileField >= 0) {
      provided = columnOf.clone();
      provided[fileField] = 0; // filled with the file's URI, not from a column
    }
    matcher.checkRequired(provided, header, file.uri(), CsvSource.NAME);
  }

  private CsvRecord current;

  /** The header line of the file a range belongs to. */
  private List<String> headerOf(FileRef range) {
    FileRef whole = new FileRef(range.uri(), range.size(), range.lastModifiedMillis(), 0, -1);
    try (CsvReader<CsvRecord> header = open(whole, settings)) {
      for (CsvRecord r : header) {
        return r.getFields();
      }
      throw failure(whole.uri(), new java.io.EOFException("the file has no header line"));
    } catch (IOException | UncheckedIOException | CsvParseException e) {
      throw failure(whole.uri() + ":1", e);
    }
  }

  private boolean fetch() {
    try {
      if (!records.hasNext()) {
        current = null;
        return false;
      }
      current = records.next();
      line = current.getStartingLineNumber();
      return true;
    } catch (UncheckedIOException | CsvParseException e) {
      throw failure(file.where(line + 1), e);
    }
  }

  @Override
  T read() {
    if (columnOf == null) {
      return null;
    }
    while (fetch()) {
      T row = toRow(current);
      if (row != null) {
        return row;
      }
    }
    return null;
  }

  private T toRow(CsvRecord r) {
    if (r.getFieldCount() != expectedFields) {
      return reject("Expected " + expectedFields + " fields but found " + r.getFieldCount(), rawText(r));
    }
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      int column = columnOf[i];
      if (column < 0) {
        values[i] = missing[i];
        continue;
      }
      String text = r.getField(column);
      if (cacheable[i] && text.equals(lastText[i])) {
        values[i] = lastValue[i];
        continue;
      }
      try {
        values[i] = Values.parse(text, types[i]);
      } catch (IllegalArgumentException e) {
        return reject("Field " + names[i] + ": " + e.getMessage(), rawText(r));
      }
      lastText[i] = text;
      lastValue[i] = values[i];
    }
    return create(values, () -> rawText(r));
  }

  @Override
  String rowPosition() {
    return file.where(line);
  }

  @Override
  void finish() throws IOException {
    columnOf = null;
    if (csv != null) {
      csv.close();
      csv = null;
    }
  }

  /** The record as CSV text again (FastCSV keeps fields, not lines), for the rejected row's value. */
  private String rawText(CsvRecord r) {
    StringBuilder b = new StringBuilder();
    String quote = String.valueOf(settings.quote());
    for (int i = 0; i < r.getFieldCount(); i++) {
      String f = r.getField(i);
      if (i > 0) {
        b.append(settings.delimiter());
      }
      if (f.indexOf(settings.delimiter()) >= 0 || f.contains(quote) || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        b.append(quote).append(f.replace(quote, quote + quote)).append(quote);
      } else {
        b.append(f);
      }
    }
    return b.toString();
  }

  private List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    schema.getFields().forEach(f -> out.add(f.name()));
    return out;
  }

  private static CsvReader<CsvRecord> open(FileRef file, CsvSettings settings) {
    return CsvReader.builder()
        .fieldSeparator(settings.delimiter())
        .quoteCharacter(settings.quote())
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(true)
        .detectBomHeader(true)
        .ofCsvRecord(Inputs.open(file, CsvSource.NAME), CsvSource.charset(settings));
  }

  private static boolean isImmutable(Schema s) {
    switch (s.getType()) {
      case RECORD:
      case ARRAY:
      case MAP:
      case UNION:
      case FIXED:
        return false;
      case BYTES:
        return s.getLogicalType() != null; // decimal: a BigDecimal; plain bytes: a ByteBuffer with a position
      default:
        return true;
    }
  }
}
