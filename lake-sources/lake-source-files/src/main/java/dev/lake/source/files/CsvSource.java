package dev.lake.source.files;

import dev.lake.Rows;
import dev.lake.Schemas;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * CSV files as rows: Java records or Avro generic records. FileGlobs are URIs or paths with globs; {@code .gz} files
 * are gunzipped; the source splits into one split per file. Columns map to fields by name, ignoring case and
 * punctuation ("InvoiceNo" fills {@code invoice_no}); extra columns are ignored; a required field without a column
 * fails before the file's rows are read. Records are lines, as in Spark's CSV reader: a quote left open at the end
 * of a line makes that line a bad row, and reading goes on at the next ({@link #multiLine()} reads line breaks inside
 * quoted fields). Rows that cannot be read (a wrong field count, a value that does not parse, an open quote, bytes
 * that are not valid in the charset) go to {@link SourceContext#reject} with {@code file:line} and the reason, and
 * reading goes on: every line is a row or a bad row. Immutable: every {@code with*} returns a copy.
 *
 * <pre>{@code
 * Source<Sale> sales = CsvSource.of(Sale.class).from("file:///data/by-day/*.csv");
 * Source<GenericRecord> rows = CsvSource.generic().from("s3://bucket/in/**.csv.gz").withDelimiter(';');
 * }</pre>
 *
 * @param <T> the row type
 */
public final class CsvSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;
  static final String NAME = "csv";

  private final Class<T> type;
  private final CsvSettings settings;
  private final String fileColumn;

  private CsvSource(Class<T> type, CsvSettings settings, String fileColumn) {
    this.type = type;
    this.settings = settings;
    this.fileColumn = fileColumn;
  }

  /** A source of {@code type} rows (a Java record); the schema is {@code Schemas.of(type)}. */
  public static <T> CsvSource<T> of(Class<T> type) {
    return new CsvSource<>(Inputs.checkType(type, "CsvSource"), CsvSettings.DEFAULT, null);
  }

  /** A source of generic rows, with the schema given by {@link #withSchema} or inferred from the first file. */
  public static CsvSource<GenericRecord> generic() {
    return new CsvSource<>(GenericRecord.class, CsvSettings.DEFAULT, null);
  }

  /** Reads these locations: URIs ({@code s3://b/in/*.csv}) or paths ({@code ./data/**}{@code /*.csv.gz}). */
  public CsvSource<T> from(String... locations) {
    return with(settings.withLocations(FileSourceSupport.locations(locations)));
  }

  /** Reads these URIs. */
  public CsvSource<T> from(URI... locations) {
    return with(settings.withLocations(FileSourceSupport.locations(locations)));
  }

  /** Uses this record schema instead of the row class's or an inferred one. */
  public CsvSource<T> withSchema(Schema schema) {
    ValidationException.check(schema != null && schema.getType() == Schema.Type.RECORD,
        "withSchema(schema): a record schema is required, e.g. SchemaBuilder.record(\"Sale\").fields()...");
    return with(settings.withSchema(schema));
  }

  /** The field separator; ',' by default. */
  public CsvSource<T> withDelimiter(char delimiter) {
    ValidationException.check(delimiter != '\n' && delimiter != '\r' && delimiter != settings.quote(),
        "withDelimiter('%s'): the delimiter must differ from the quote character and from line breaks", delimiter);
    return with(settings.withDelimiter(delimiter));
  }

  /** The quote character; '"' by default. */
  public CsvSource<T> withQuote(char quote) {
    ValidationException.check(quote != '\n' && quote != '\r' && quote != settings.delimiter(),
        "withQuote('%s'): the quote character must differ from the delimiter and from line breaks", quote);
    return with(settings.withQuote(quote));
  }

  /** The files' character set; UTF-8 by default. */
  public CsvSource<T> withCharset(Charset charset) {
    return with(settings.withCharset(FileSourceSupport.charset(charset)));
  }

  /**
   * Lets quoted fields hold line breaks (Spark's {@code multiLine}), up to 1 MiB of input per quoted field: see
   * {@link #multiLine(long)}.
   */
  public CsvSource<T> multiLine() {
    return multiLine(1L << 20);
  }

  /**
   * Lets quoted fields hold line breaks, up to {@code maxQuotedBytes} bytes of input from the line where the field
   * opens. A quoted field still open at the end of the file, or longer than that, makes the line where it opened one
   * bad row ("Unterminated quote in field 3 opened at line 40"), and the lines after it are read again as records of
   * their own. Files read this way are never cut into byte ranges ({@link #withSplitSize}).
   *
   * <pre>{@code
   * CsvSource.of(Review.class).from("s3://bucket/reviews/*.csv").multiLine(16L << 20)
   * }</pre>
   */
  public CsvSource<T> multiLine(long maxQuotedBytes) {
    ValidationException.check(maxQuotedBytes > 0,
        "multiLine(%s): give the most bytes a quoted field may span, e.g. 1L << 20", maxQuotedBytes);
    return with(settings.withMaxQuotedBytes(maxQuotedBytes));
  }

  /**
   * Decodes bytes that are not valid in the charset as U+FFFD (the replacement character) instead of rejecting their
   * line with "invalid UTF-8 at byte N of line L", the default.
   */
  public CsvSource<T> replaceMalformedInput() {
    return with(settings.withReplaceMalformed(true));
  }

  /** Whether the first line of each file names the columns; true by default. */
  public CsvSource<T> withHeader(boolean header) {
    return with(settings.withHeader(header));
  }

  /** Column names for files without a header (or to replace the header's names). */
  public CsvSource<T> withColumns(String... columns) {
    ValidationException.check(columns != null && columns.length > 0, "withColumns(...): give the column names");
    return with(settings.withColumns(List.of(columns)));
  }

  /** Feeds {@code field} from {@code column}, whatever their names. */
  public CsvSource<T> withColumn(String column, String field) {
    ValidationException.check(column != null && !column.isEmpty() && field != null && !field.isEmpty(),
        "withColumn(column, field): give both names, e.g. withColumn(\"InvoiceNo\", \"invoice_no\")");
    Map<String, String> mapping = new LinkedHashMap<>(settings.mapping());
    mapping.put(column, field);
    return with(settings.withMapping(mapping));
  }

  /**
   * Splits uncompressed files larger than {@code bytes} into byte ranges of that size, read in parallel (by the local
   * runner's threads or by Spark tasks); 0, the default, reads each file in one split. A range starts at the first
   * line that starts in it and reads through the line that crosses its end; every range gets the file's header.
   * Records are lines, so no range cuts one; with {@link #multiLine()} and for gzip files, files are never split.
   *
   * <pre>{@code
   * CsvSource.of(Sale.class).from("s3://bucket/big/*.csv").withSplitSize(128L << 20)
   * }</pre>
   */
  public CsvSource<T> withSplitSize(long bytes) {
    return with(settings.withSplitBytes(FileSourceSupport.splitBytes(bytes)));
  }

  /** How many rows of the first file schema inference reads; 1000 by default. */
  public CsvSource<T> withSampleSize(int rows) {
    return with(settings.withSampleSize(FileSourceSupport.sampleSize(rows, "rows")));
  }

  /**
   * Fills the string field {@code field} of every row with the URI of the file it came from (like Spark's
   * {@code input_file_name()}), e.g. to take a team's name from {@code understat_Arsenal.csv}.
   */
  public CsvSource<T> withFileColumn(String field) {
    ValidationException.check(field != null && !field.isEmpty(),
        "withFileColumn(field): give the name of a string field, e.g. withFileColumn(\"source_file\")");
    return new CsvSource<>(type, settings, field);
  }

  /** The schema rows are read with: the given one, the record class's, or one inferred (reading the first file). */
  public Schema schema() {
    validate();
    return resolveSchema(files());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String id() {
    validate();
    return FileSourceSupport.id(files());
  }

  @Override
  public List<CsvSource<T>> split(SourceContext ctx) {
    validate();
    List<FileRef> files = FileSourceSupport.files(settings.files(), settings.locations(), NAME, ctx);
    Schema schema = resolveSchema(files);
    return FileSourceSupport.perFile(files, settings.maxQuotedBytes() > 0 ? 0 : settings.splitBytes(),
        file -> with(settings.withSchema(schema).withFiles(file)));
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) {
    validate();
    List<FileRef> files = files();
    Schema schema = resolveSchema(files);
    CsvFileReader<T> reader = new CsvFileReader<>(files, schema, Rows.factory(type, schema), settings, ctx);
    reader.fileField(FileSourceSupport.fileField(schema, fileColumn, NAME));
    return reader;
  }

  /**
   * Reading the files: {@code s3:GetObject} on the locations (globs as IAM patterns) and {@code s3:ListBucket} on
   * the directory each glob lists; nothing for local files.
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return FilePermissions.of(settings.locations(), settings.files(), scope);
  }

  @Override
  public String toString() {
    return FileSourceSupport.describe("CsvSource", type, settings.files(), settings.locations());
  }

  private void validate() {
    FileGlobs.validate(settings.locations(), NAME);
    if (settings.schema() != null) {
      FieldMatcher.checkExplicit(settings.schema(), settings.mapping(), NAME);
    }
  }

  private List<FileRef> files() {
    return FileSourceSupport.files(settings.files(), settings.locations(), NAME);
  }

  private Schema resolveSchema(List<FileRef> files) {
    Schema schema = settings.schema();
    if (schema == null) {
      schema = type == GenericRecord.class ? CsvFileReader.infer(files.get(0), settings) : Schemas.of(type);
    }
    FieldMatcher.checkExplicit(schema, settings.mapping(), NAME);
    return schema;
  }

  private CsvSource<T> with(CsvSettings changed) {
    return new CsvSource<>(type, changed, fileColumn);
  }

  static Charset charset(CsvSettings settings) {
    return settings.charset() == null ? StandardCharsets.UTF_8 : Charset.forName(settings.charset());
  }

}
