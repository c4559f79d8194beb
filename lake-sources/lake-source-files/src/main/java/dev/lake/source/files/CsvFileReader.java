package dev.lake.source.files;

import dev.lake.RowFactory;
import dev.lake.SchemaInference;
import dev.lake.Schemas;
import dev.lake.io.Fields;
import dev.lake.io.SourceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * Reads CSV files into rows, record by record ({@link CsvRecords}: one per line unless {@code multiLine}), each line
 * decoded strictly ({@link TextLines}: a line with bytes invalid in the charset is a bad row). Per field it keeps
 * the last text and its parsed value: consecutive rows of one invoice share dates, countries and customers, and
 * reusing the value skips the parse (values are immutable). A field's text is compared with the last one where it
 * lies in the line, and numbers are parsed from there too: no {@code String} is made for a repeated value or a number.
 */
final class CsvFileReader<T> extends FilesReader<T> {
  private final Schema schema;
  private final CsvSettings settings;
  private final FieldMatcher matcher;
  private final Schema[] types;
  private final String[] names;
  private final boolean[] cacheable;
  private final boolean[] textual;
  private final Schema[] plain;
  private final boolean[] nullable;
  private final Object[] missing;
  private final String[] lastSource; // the row before's field: a range of this text (a read's, line or quoted field)
  private final int[] lastStart;
  private final int[] lastLength;
  private final Object[] lastValue;
  /**
   * The values of the row being made, one array for all rows: the factory is {@code Rows.factory}'s (made by
   * {@link CsvSource}), which copies them into its row and keeps no reference to the array.
   */
  private final Object[] values;
  private final Supplier<String> rawOfCurrent = () -> this.current.raw(); // the text of the row being made
  /**
   * The buffers of the file being read: the lines' bytes and, for gzip files, the compressed bytes (64 KiB each). A
   * reader reads one file (the runner opens one per file), so when its file ends they go to {@link #SPARE} for the
   * next reader the thread opens, instead of 128 KiB allocated and zeroed per file.
   */
  private byte[][] buffers;

  /** Buffers of a reader that finished on this thread (softly held: gone under memory pressure). */
  private static final ThreadLocal<SoftReference<byte[][]>> SPARE = new ThreadLocal<>();

  private CsvRecords records;
  private TextLines lines;
  private CsvRecords.Rec current;
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
    textual = new boolean[n];
    plain = new Schema[n];
    nullable = new boolean[n];
    missing = new Object[n];
    lastSource = new String[n];
    lastStart = new int[n];
    lastLength = new int[n];
    lastValue = new Object[n];
    values = new Object[n];
    for (Schema.Field field : schema.getFields()) {
      int i = field.pos();
      types[i] = field.schema();
      names[i] = field.name();
      cacheable[i] = isImmutable(Schemas.nonNull(field.schema()));
      plain[i] = Schemas.nonNull(field.schema()); // T of a ["null", T] union: parsed as such, same values and errors
      nullable[i] = plain[i] != field.schema() && field.schema().isNullable();
      textual[i] = plain[i].getType() == Schema.Type.STRING;
      missing[i] = FieldMatcher.missing(field);
    }
  }

  /** A schema from the header and the first {@code sampleSize} rows of {@code file} (bad lines left out). */
  static org.apache.avro.Schema infer(FileRef file, CsvSettings settings) {
    try (TextLines lines = lines(file, settings)) {
      CsvRecords csv = records(lines, settings);
      List<String> header = null;
      List<List<String>> samples = new ArrayList<>();
      for (CsvRecords.Rec r; samples.size() < settings.sampleSize() && (r = csv.next()) != null; ) {
        if (header == null && settings.header()) {
          header = r.fields();
        } else if (r.error() == null) {
          samples.add(r.fields());
        }
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
    } catch (IOException | UncheckedIOException e) {
      throw Inputs.failure(CsvSource.NAME, file.uri(), e);
    }
  }

  @Override
  void start() {
    if (buffers == null) {
      SoftReference<byte[][]> spare = SPARE.get();
      buffers = spare == null ? null : spare.get();
      SPARE.remove(); // taken: a reader opened while this one reads gets buffers of its own
      if (buffers == null) {
        buffers = new byte[][] {new byte[1 << 16], new byte[1 << 16]};
      }
    }
    lines = new TextLines(Inputs.open(file, CsvSource.NAME, buffers[1]), CsvSource.charset(settings),
        settings.replaceMalformed(), !file.isRange() || file.start() == 0, buffers[0]);
    records = records(lines, settings);
    List<String> header;
    if (settings.header() && file.isRange() && file.start() > 0) {
      header = settings.columns().isEmpty() ? headerOf(file) : settings.columns(); // a later range: no header line
    } else if (settings.header()) {
      if (!fetch()) {
        return; // an empty file: no header, no rows
      }
      header = settings.columns().isEmpty() ? current.fields() : settings.columns();
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

  /** The header line of the file a range belongs to. */
  private List<String> headerOf(FileRef range) {
    FileRef whole = new FileRef(range.uri(), range.size(), range.lastModifiedMillis(), 0, -1);
    try (TextLines header = lines(whole, settings)) {
      CsvRecords.Rec r = records(header, settings).next();
      if (r == null) {
        throw new dev.lake.exceptions.SourceException(CsvSource.NAME, "Cannot read " + whole.uri()
            + ": the file has no header line", null);
      }
      return r.fields();
    } catch (IOException | UncheckedIOException e) {
      throw failure(whole.uri() + ":1", e);
    }
  }

  private boolean fetch() {
    try {
      current = records.next();
      if (current == null) {
        return false;
      }
      line = current.line;
      return true;
    } catch (IOException | UncheckedIOException e) {
      throw failure(file.where(lines.number() + 1), e);
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

  private T toRow(CsvRecords.Rec r) {
    if (r.error() != null) {
      return reject(r.error(), r.raw());
    }
    if (r.size() != expectedFields) {
      return reject("Expected " + expectedFields + " fields but found " + r.size() + (r.lastLine == r.line ? ""
          : " (a quoted field holds line breaks: the record spans lines " + r.line + "-" + r.lastLine + ")"), r.raw());
    }
    Object[] values = this.values; // every element is set below before the factory reads it
    for (int i = 0; i < types.length; i++) {
      int column = columnOf[i];
      if (column < 0) {
        values[i] = missing[i];
        continue;
      }
      if (cacheable[i] && r.fieldEquals(column, lastSource[i], lastStart[i], lastLength[i])) {
        values[i] = lastValue[i]; // the same text as the row before: the same value, no String made
        continue;
      }
      try {
        if (nullable[i] && r.start(column) == r.end(column)) {
          values[i] = null;
        } else if (textual[i]) {
          values[i] = r.field(column);
        } else {
          values[i] = Fields.parse(r.source(column), r.start(column), r.end(column), plain[i]);
        }
      } catch (IllegalArgumentException e) {
        return reject("Field " + names[i] + ": " + e.getMessage(), r.raw());
      }
      if (cacheable[i]) {
        lastSource[i] = r.source(column); // the text is immutable: kept as it is, the field's range noted
        lastStart[i] = r.start(column);
        lastLength[i] = r.end(column) - r.start(column);
        lastValue[i] = values[i];
      }
    }
    return create(values, rawOfCurrent);
  }

  @Override
  long rowLine() {
    return line;
  }

  @Override
  void finish() throws IOException {
    columnOf = null;
    if (lines != null) {
      lines.close();
      lines = null;
    }
    if (buffers != null) {
      SPARE.set(new SoftReference<>(buffers)); // no stream reads them any more
      buffers = null;
    }
  }

  private List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    schema.getFields().forEach(f -> out.add(f.name()));
    return out;
  }

  private static TextLines lines(FileRef file, CsvSettings settings) {
    return new TextLines(Inputs.open(file, CsvSource.NAME), CsvSource.charset(settings),
        settings.replaceMalformed(), !file.isRange() || file.start() == 0);
  }

  private static CsvRecords records(TextLines lines, CsvSettings settings) {
    return new CsvRecords(lines, settings.delimiter(), settings.quote(), settings.maxQuotedBytes() > 0,
        settings.maxQuotedBytes());
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
