package dev.lake.source.files;

import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/** The immutable configuration of a {@link JsonSource}; {@code files} is set on splits only. */
record JsonSettings(List<String> locations, Schema schema, boolean lines, String charset, int sampleSize,
    List<FileRef> files, long splitBytes, boolean replaceMalformed) implements Serializable {

  static final JsonSettings DEFAULT = new JsonSettings(List.of(), null, false, "UTF-8", 1000, null, 128L << 20, false);

  JsonSettings withLocations(List<String> value) {
    return copy(c -> {
      c.locations = List.copyOf(value);
      c.files = null;
    });
  }

  JsonSettings withSchema(Schema value) {
    return copy(c -> c.schema = value);
  }

  JsonSettings withLines(boolean value) {
    return copy(c -> c.lines = value);
  }

  JsonSettings withCharset(String value) {
    return copy(c -> c.charset = value);
  }

  JsonSettings withSampleSize(int value) {
    return copy(c -> c.sampleSize = value);
  }

  JsonSettings withFiles(List<FileRef> value) {
    return copy(c -> c.files = List.copyOf(value));
  }

  JsonSettings withSplitBytes(long value) {
    return copy(c -> c.splitBytes = value);
  }

  JsonSettings withReplaceMalformed(boolean value) {
    return copy(c -> c.replaceMalformed = value);
  }

  private JsonSettings copy(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a JsonSettings, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy {
    private List<String> locations;
    private Schema schema;
    private boolean lines;
    private String charset;
    private int sampleSize;
    private List<FileRef> files;
    private long splitBytes;
    private boolean replaceMalformed;

    private Copy(JsonSettings s) {
      locations = s.locations;
      schema = s.schema;
      lines = s.lines;
      charset = s.charset;
      sampleSize = s.sampleSize;
      files = s.files;
      splitBytes = s.splitBytes;
      replaceMalformed = s.replaceMalformed;
    }

    private JsonSettings build() {
      return new JsonSettings(locations, schema, lines, charset, sampleSize, files, splitBytes, replaceMalformed);
    }
  }
}
