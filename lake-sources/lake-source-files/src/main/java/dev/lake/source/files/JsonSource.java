package dev.lake.source.files;

import dev.lake.Rows;
import dev.lake.Schemas;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * JSON files as rows. By default each file is detected: JSON Lines (one object per line; a malformed line, or one
 * with bytes that are not valid in the charset, is rejected with {@code file:line} and reading goes on) or whole
 * documents, possibly pretty-printed, one or more per file, concatenated (a top-level array gives one row per
 * element); every document is read, and a malformed one makes the rest of the file one bad row that says why. Keys map to fields by name ignoring case and punctuation;
 * unknown keys are ignored; nested objects fill nested records. {@code .gz} files are gunzipped; one split per file.
 * Immutable: every {@code with*} returns a copy.
 *
 * <pre>{@code
 * Source<Song> songs = JsonSource.of(Song.class).from("file:///data/song_data/**}{@code /*.json");
 * Source<GenericRecord> events = JsonSource.generic().from("s3://bucket/log_data/").jsonLines();
 * }</pre>
 *
 * @param <T> the row type
 */
public final class JsonSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;
  static final String NAME = "json";

  private final Class<T> type;
  private final JsonSettings settings;
  private final String fileColumn;

  private JsonSource(Class<T> type, JsonSettings settings, String fileColumn) {
    this.type = type;
    this.settings = settings;
    this.fileColumn = fileColumn;
  }

  /** A source of {@code type} rows (a Java record); the schema is {@code Schemas.of(type)}. */
  public static <T> JsonSource<T> of(Class<T> type) {
    return new JsonSource<>(Inputs.checkType(type, "JsonSource"), JsonSettings.DEFAULT, null);
  }

  /** A source of generic rows, with the schema given by {@link #withSchema} or inferred from the first file. */
  public static JsonSource<GenericRecord> generic() {
    return new JsonSource<>(GenericRecord.class, JsonSettings.DEFAULT, null);
  }

  /** Reads these locations: URIs or paths, with globs. */
  public JsonSource<T> from(String... locations) {
    return with(settings.withLocations(FileSourceSupport.locations(locations)));
  }

  /** Reads these URIs. */
  public JsonSource<T> from(URI... locations) {
    return with(settings.withLocations(FileSourceSupport.locations(locations)));
  }

  /** Reads every file as JSON Lines, without detection: each non-blank line is one object. */
  public JsonSource<T> jsonLines() {
    return with(settings.withLines(true));
  }

  /** Uses this record schema instead of the row class's or an inferred one. */
  public JsonSource<T> withSchema(Schema schema) {
    ValidationException.check(schema != null && schema.getType() == Schema.Type.RECORD,
        "withSchema(schema): a record schema is required, e.g. SchemaBuilder.record(\"Song\").fields()...");
    return with(settings.withSchema(schema));
  }

  /**
   * Decodes bytes that are not valid in the charset as U+FFFD (the replacement character) instead of rejecting them,
   * the default: a JSON line with such bytes is a bad row ("invalid UTF-8 at byte N of line L"); in a document they
   * end the file as a malformed document does.
   */
  public JsonSource<T> replaceMalformedInput() {
    return with(settings.withReplaceMalformed(true));
  }

  /** The files' character set; UTF-8 by default. */
  public JsonSource<T> withCharset(Charset charset) {
    return with(settings.withCharset(FileSourceSupport.charset(charset)));
  }

  /**
   * With {@link #jsonLines()}, splits uncompressed files larger than {@code bytes} (128 MiB by default) into byte
   * ranges read in parallel; 0 reads each file in one split. A range starts at the first line that starts in it and
   * reads through the line that crosses its end (a JSON line holds no raw line break, so no object is ever cut).
   * Detected (not declared) JSON Lines, documents and gzip files are never split.
   *
   * <pre>{@code
   * JsonSource.generic().from("s3://bucket/events/").jsonLines().withSplitSize(64L << 20)
   * }</pre>
   */
  public JsonSource<T> withSplitSize(long bytes) {
    return with(settings.withSplitBytes(FileSourceSupport.splitBytes(bytes)));
  }

  /** How many objects of the first file schema inference reads; 1000 by default. */
  public JsonSource<T> withSampleSize(int objects) {
    return with(settings.withSampleSize(FileSourceSupport.sampleSize(objects, "objects")));
  }

  /**
   * Fills the string field {@code field} of every row with the URI of the file it came from (like Spark's
   * {@code input_file_name()}), e.g. to take a team's name from {@code understat_Arsenal.csv}.
   */
  public JsonSource<T> withFileColumn(String field) {
    ValidationException.check(field != null && !field.isEmpty(),
        "withFileColumn(field): give the name of a string field, e.g. withFileColumn(\"source_file\")");
    return new JsonSource<>(type, settings, field);
  }

  /** The schema rows are read with: the given one, the record class's, or one inferred (reading the first file). */
  public Schema schema() {
    FileGlobs.validate(settings.locations(), NAME);
    return resolveSchema(files());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String id() {
    FileGlobs.validate(settings.locations(), NAME);
    return FileSourceSupport.id(files());
  }

  @Override
  public List<JsonSource<T>> split(SourceContext ctx) {
    FileGlobs.validate(settings.locations(), NAME);
    List<FileRef> files = FileSourceSupport.files(settings.files(), settings.locations(), NAME, ctx);
    Schema schema = resolveSchema(files);
    return FileSourceSupport.perFile(files, settings.lines() ? settings.splitBytes() : 0,
        file -> with(settings.withSchema(schema).withFiles(file)));
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) {
    FileGlobs.validate(settings.locations(), NAME);
    List<FileRef> files = files();
    Schema schema = resolveSchema(files);
    JsonFileReader<T> reader = new JsonFileReader<>(files, schema, Rows.factory(type, schema), settings, ctx);
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
    return FileSourceSupport.describe("JsonSource", type, settings.files(), settings.locations());
  }

  private List<FileRef> files() {
    return FileSourceSupport.files(settings.files(), settings.locations(), NAME);
  }

  private Schema resolveSchema(List<FileRef> files) {
    if (settings.schema() != null) {
      return settings.schema();
    }
    return type == GenericRecord.class ? JsonFileReader.infer(files.get(0), settings) : Schemas.of(type);
  }

  private JsonSource<T> with(JsonSettings changed) {
    return new JsonSource<>(type, changed, fileColumn);
  }
}
