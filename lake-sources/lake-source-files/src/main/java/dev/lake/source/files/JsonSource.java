package dev.lake.source.files;

import dev.lake.Rows;
import dev.lake.Schemas;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * JSON files as rows. By default each file is detected: JSON Lines (one object per line; a malformed line is
 * rejected with {@code file:line} and reading goes on) or whole documents, possibly pretty-printed, one or more per
 * file (a top-level array gives one row per element). Keys map to fields by name ignoring case and punctuation;
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

  private JsonSource(Class<T> type, JsonSettings settings) {
    this.type = type;
    this.settings = settings;
  }

  /** A source of {@code type} rows (a Java record); the schema is {@code Schemas.of(type)}. */
  public static <T> JsonSource<T> of(Class<T> type) {
    return new JsonSource<>(Inputs.checkType(type, "JsonSource"), JsonSettings.DEFAULT);
  }

  /** A source of generic rows, with the schema given by {@link #withSchema} or inferred from the first file. */
  public static JsonSource<GenericRecord> generic() {
    return new JsonSource<>(GenericRecord.class, JsonSettings.DEFAULT);
  }

  /** Reads these locations: URIs or paths, with globs. */
  public JsonSource<T> from(String... locations) {
    ValidationException.check(locations != null && locations.length > 0, "from(...): give at least one location");
    return new JsonSource<>(type, settings.withLocations(List.of(locations)));
  }

  /** Reads these URIs. */
  public JsonSource<T> from(URI... locations) {
    ValidationException.check(locations != null && locations.length > 0, "from(...): give at least one location");
    List<String> out = new ArrayList<>();
    for (URI uri : locations) {
      out.add(uri.toString());
    }
    return new JsonSource<>(type, settings.withLocations(out));
  }

  /** Reads every file as JSON Lines, without detection: each non-blank line is one object. */
  public JsonSource<T> jsonLines() {
    return new JsonSource<>(type, settings.withLines(true));
  }

  /** Uses this record schema instead of the row class's or an inferred one. */
  public JsonSource<T> withSchema(Schema schema) {
    ValidationException.check(schema != null && schema.getType() == Schema.Type.RECORD,
        "withSchema(schema): a record schema is required, e.g. SchemaBuilder.record(\"Song\").fields()...");
    return new JsonSource<>(type, settings.withSchema(schema));
  }

  /** The files' character set; UTF-8 by default. */
  public JsonSource<T> withCharset(Charset charset) {
    ValidationException.check(charset != null, "withCharset(charset): give a charset, e.g. StandardCharsets.UTF_8");
    return new JsonSource<>(type, settings.withCharset(charset.name()));
  }

  /** How many objects of the first file schema inference reads; 1000 by default. */
  public JsonSource<T> withSampleSize(int objects) {
    ValidationException.check(objects > 0, "withSampleSize(%s): give a positive number of objects", objects);
    return new JsonSource<>(type, settings.withSampleSize(objects));
  }

  /** The schema rows are read with: the given one, the record class's, or one inferred (reading the first file). */
  public Schema schema() {
    Locations.validate(settings.locations(), NAME);
    return resolveSchema(files());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String id() {
    Locations.validate(settings.locations(), NAME);
    List<String> ids = new ArrayList<>();
    files().forEach(f -> ids.add(f.id()));
    return String.join(";", ids);
  }

  @Override
  public List<JsonSource<T>> split(SourceContext ctx) {
    Locations.validate(settings.locations(), NAME);
    List<FileRef> files = files();
    Schema schema = resolveSchema(files);
    List<JsonSource<T>> splits = new ArrayList<>(files.size());
    for (FileRef file : files) {
      splits.add(new JsonSource<>(type, settings.withSchema(schema).withFiles(List.of(file))));
    }
    return splits;
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) {
    Locations.validate(settings.locations(), NAME);
    List<FileRef> files = files();
    Schema schema = resolveSchema(files);
    return new JsonFileReader<>(files, schema, Rows.factory(type, schema), settings, ctx);
  }

  @Override
  public String toString() {
    return "JsonSource[" + (type == GenericRecord.class ? "generic" : type.getSimpleName()) + " from "
        + (settings.files() != null && settings.files().size() == 1 ? settings.files().get(0).uri()
        : settings.locations()) + "]";
  }

  private List<FileRef> files() {
    return settings.files() != null ? settings.files() : Locations.resolve(settings.locations(), NAME);
  }

  private Schema resolveSchema(List<FileRef> files) {
    if (settings.schema() != null) {
      return settings.schema();
    }
    return type == GenericRecord.class ? JsonFileReader.infer(files.get(0), settings) : Schemas.of(type);
  }
}
