package dev.lake.source.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.RowFactory;
import dev.lake.SchemaInference;
import dev.lake.io.Fields;
import dev.lake.io.SourceContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** Reads JSON files into rows: keys to fields through a per-reader cache, values through {@link Values#fromJson}. */
final class JsonFileReader<T> extends FilesReader<T> {
  private static final Object UNSET = new Object();

  private final JsonSettings settings;
  private final FieldMatcher matcher;
  private final Map<String, Integer> keys;
  private final List<Schema.Field> fields;

  private JsonNodeStream stream;

  JsonFileReader(List<FileRef> files, Schema schema, RowFactory<T> factory, JsonSettings settings,
      SourceContext ctx) {
    super(JsonSource.NAME, files, factory, ctx);
    this.settings = settings;
    this.matcher = new FieldMatcher(schema, Map.of());
    this.keys = matcher.newKeyCache();
    this.fields = schema.getFields();
  }

  /** A schema from the first {@code sampleSize} objects of {@code file}. */
  static Schema infer(FileRef file, JsonSettings settings) {
    List<JsonNode> samples = new ArrayList<>();
    try (JsonNodeStream nodes = new JsonNodeStream(file, settings, (reason, raw) -> { })) {
      JsonNode node;
      while (samples.size() < settings.sampleSize() && (node = nodes.next()) != null) {
        samples.add(node);
      }
    } catch (IOException e) {
      throw Inputs.failure(JsonSource.NAME, file.uri(), e);
    }
    return SchemaInference.fromJson("JsonRow", samples);
  }

  @Override
  void start() {
    try {
      stream = new JsonNodeStream(file, settings, this::reject);
    } catch (IOException e) {
      throw failure(file.uri(), e);
    }
  }

  @Override
  T read() {
    try {
      JsonNode node;
      while ((node = stream.next()) != null) {
        T row = toRow(node);
        if (row != null) {
          return row;
        }
      }
      return null;
    } catch (IOException e) {
      throw failure(rowPosition(), e);
    }
  }

  private T toRow(JsonNode node) {
    if (!node.isObject()) {
      return reject("Expected a JSON object but was " + (node.isValueNode() ? node.toString() : "an array"), node);
    }
    Object[] values = new Object[fields.size()];
    java.util.Arrays.fill(values, UNSET);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      int i = matcher.fieldOfKey(e.getKey(), keys);
      if (i < 0) {
        continue;
      }
      try {
        values[i] = Fields.fromJson(e.getValue(), fields.get(i).schema());
      } catch (IllegalArgumentException bad) {
        return reject("Field " + fields.get(i).name() + ": " + bad.getMessage(), node);
      }
    }
    if (fileField >= 0) {
      values[fileField] = null; // filled with the file's URI by create()
    }
    for (Schema.Field field : fields) {
      if (values[field.pos()] == UNSET) {
        if (FieldMatcher.isRequired(field)) {
          return reject("Field " + field.name() + ": missing, and the field is required", node);
        }
        values[field.pos()] = FieldMatcher.missing(field);
      }
    }
    return create(values, () -> stream.raw(node));
  }

  private T reject(String reason, JsonNode node) {
    return reject(reason, stream.raw(node));
  }

  @Override
  long rowLine() {
    return stream.line();
  }

  @Override
  void finish() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
