package dev.lake.source.files;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.SourceContext;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;

/**
 * What {@link CsvSource} and {@link JsonSource} share, so that each keeps only its format's options: checking the
 * arguments of {@code from}, {@code withCharset} and {@code withSampleSize}; listing the files a source reads (its own
 * file on a split, else the locations resolved); the id of what is read; one split per file; {@code toString}.
 *
 * <pre>{@code
 * List<FileRef> files = FileSourceSupport.files(settings.files(), settings.locations(), NAME);
 * List<CsvSource<T>> splits = FileSourceSupport.perFile(files, f -> with(settings.withSchema(schema).withFiles(f)));
 * }</pre>
 */
final class FileSourceSupport {
  private FileSourceSupport() {}

  /** The locations of {@code from(String...)}, checked. */
  static List<String> locations(String... locations) {
    checkLocations(locations);
    return List.of(locations);
  }

  /** The locations of {@code from(URI...)}, checked, as text. */
  static List<String> locations(URI... locations) {
    checkLocations(locations);
    List<String> out = new ArrayList<>();
    for (URI uri : locations) {
      out.add(uri.toString());
    }
    return out;
  }

  private static void checkLocations(Object[] locations) {
    ValidationException.check(locations != null && locations.length > 0, "from(...): give at least one location");
  }

  /** The name of {@code withCharset}'s charset, checked. */
  static String charset(Charset charset) {
    ValidationException.check(charset != null, "withCharset(charset): give a charset, e.g. StandardCharsets.UTF_8");
    return charset.name();
  }

  /** {@code withSampleSize}'s size, checked; {@code unit} is what is sampled ("rows", "objects"). */
  static int sampleSize(int size, String unit) {
    ValidationException.check(size > 0, "withSampleSize(%s): give a positive number of %s", size, unit);
    return size;
  }

  /** The files to read: a split's own file, else those the locations name (listing them). */
  static List<FileRef> files(List<FileRef> files, List<String> locations, String connector) {
    return files != null ? files : FileGlobs.resolve(locations, connector);
  }

  /**
   * The same while splitting: each file a glob's listing found but no location takes is a {@code file not read}
   * warning in the run report, so that a {@code .jsonl} beside {@code *.json} is not skipped in silence.
   */
  static List<FileRef> files(List<FileRef> files, List<String> locations, String connector, SourceContext ctx) {
    return files != null ? files : FileGlobs.resolve(locations, connector, (uri, pattern) ->
        ctx.warn("file not read", uri + ": no location of this " + connector + " source takes it (" + pattern
            + " does not match it); widen the pattern or add a location to read it, or move it out of the folder"));
  }

  /** The identity of what the files hold: each file's id, joined. */
  static String id(List<FileRef> files) {
    List<String> ids = new ArrayList<>();
    files.forEach(f -> ids.add(f.id()));
    return String.join(";", ids);
  }

  /**
   * One split per file, made by {@code split} from a one-file list; an uncompressed file larger than
   * {@code splitBytes} (when positive) gives one split per byte range of that size instead.
   */
  static <S> List<S> perFile(List<FileRef> files, long splitBytes, Function<List<FileRef>, S> split) {
    List<S> splits = new ArrayList<>(files.size());
    for (FileRef file : files) {
      for (FileRef range : file.ranges(splitBytes)) {
        splits.add(split.apply(List.of(range)));
      }
    }
    return splits;
  }

  /** The size of {@code withSplitSize}, checked. */
  static long splitBytes(long bytes) {
    ValidationException.check(bytes >= 0, "withSplitSize(%s): give a size in bytes, e.g. 128L << 20, or 0 not to "
        + "split files", bytes);
    return bytes;
  }

  /** The position of the field that receives the file URI, or -1; fails when it is not a string field. */
  static int fileField(org.apache.avro.Schema schema, String fileColumn, String connector) {
    if (fileColumn == null) {
      return -1;
    }
    org.apache.avro.Schema.Field field = schema.getField(fileColumn);
    ValidationException.check(field != null
            && dev.lake.Schemas.nonNull(field.schema()).getType() == org.apache.avro.Schema.Type.STRING,
        "%s withFileColumn(\"%s\"): the rows need a string field of that name; fields are %s", connector, fileColumn,
        schema.getFields().stream().map(org.apache.avro.Schema.Field::name).toList());
    return field.pos();
  }

  /** "CsvSource[Sale from [file:///data/*.csv]]", or the one file of a split. */
  static String describe(String source, Class<?> type, List<FileRef> files, List<String> locations) {
    return source + "[" + (type == GenericRecord.class ? "generic" : type.getSimpleName()) + " from "
        + (files != null && files.size() == 1 ? files.get(0).uri() : locations) + "]";
  }
}
