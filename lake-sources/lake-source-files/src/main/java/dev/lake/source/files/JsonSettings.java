package dev.lake.source.files;

import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/** The immutable configuration of a {@link JsonSource}; {@code files} is set on splits only. */
record JsonSettings(List<String> locations, Schema schema, boolean lines, String charset, int sampleSize,
    List<FileRef> files, long splitBytes, boolean replaceMalformed) implements Serializable {

  static final JsonSettings DEFAULT = new JsonSettings(List.of(), null, false, "UTF-8", 1000, null, 128L << 20, false);

  JsonSettings withLocations(List<String> value) {
    return new JsonSettings(List.copyOf(value), schema, lines, charset, sampleSize, null, splitBytes, replaceMalformed);
  }

  JsonSettings withSchema(Schema value) {
    return new JsonSettings(locations, value, lines, charset, sampleSize, files, splitBytes, replaceMalformed);
  }

  JsonSettings withLines(boolean value) {
    return new JsonSettings(locations, schema, value, charset, sampleSize, files, splitBytes, replaceMalformed);
  }

  JsonSettings withCharset(String value) {
    return new JsonSettings(locations, schema, lines, value, sampleSize, files, splitBytes, replaceMalformed);
  }

  JsonSettings withSampleSize(int value) {
    return new JsonSettings(locations, schema, lines, charset, value, files, splitBytes, replaceMalformed);
  }

  JsonSettings withFiles(List<FileRef> value) {
    return new JsonSettings(locations, schema, lines, charset, sampleSize, List.copyOf(value), splitBytes,
        replaceMalformed);
  }

  JsonSettings withSplitBytes(long value) {
    return new JsonSettings(locations, schema, lines, charset, sampleSize, files, value, replaceMalformed);
  }

  JsonSettings withReplaceMalformed(boolean value) {
    return new JsonSettings(locations, schema, lines, charset, sampleSize, files, splitBytes, value);
  }
}
