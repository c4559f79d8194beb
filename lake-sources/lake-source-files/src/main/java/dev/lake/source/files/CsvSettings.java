package dev.lake.source.files;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The immutable configuration of a {@link CsvSource}; {@code files} is set on splits only; {@code maxQuotedBytes} is
 * 0 when records are lines, else the longest a quoted field may run over lines ({@code multiLine}).
 */
record CsvSettings(List<String> locations, Schema schema, char delimiter, char quote, String charset, boolean header,
    List<String> columns, Map<String, String> mapping, int sampleSize,
    List<FileRef> files, long splitBytes, long maxQuotedBytes, boolean replaceMalformed) implements Serializable {

  static final CsvSettings DEFAULT =
      new CsvSettings(List.of(), null, ',', '"', "UTF-8", true, List.of(), Map.of(), 1000, null, 0, 0, false);

  CsvSettings withLocations(List<String> value) {
    return copy(c -> {
      c.locations = List.copyOf(value);
      c.files = null;
    });
  }

  CsvSettings withSchema(Schema value) {
    return copy(c -> c.schema = value);
  }

  CsvSettings withDelimiter(char value) {
    return copy(c -> c.delimiter = value);
  }

  CsvSettings withQuote(char value) {
    return copy(c -> c.quote = value);
  }

  CsvSettings withCharset(String value) {
    return copy(c -> c.charset = value);
  }

  CsvSettings withHeader(boolean value) {
    return copy(c -> c.header = value);
  }

  CsvSettings withColumns(List<String> value) {
    return copy(c -> c.columns = List.copyOf(value));
  }

  CsvSettings withMapping(Map<String, String> value) {
    return copy(c -> c.mapping = Map.copyOf(value));
  }

  CsvSettings withSampleSize(int value) {
    return copy(c -> c.sampleSize = value);
  }

  CsvSettings withFiles(List<FileRef> value) {
    return copy(c -> c.files = List.copyOf(value));
  }

  CsvSettings withSplitBytes(long value) {
    return copy(c -> c.splitBytes = value);
  }

  CsvSettings withMaxQuotedBytes(long value) {
    return copy(c -> c.maxQuotedBytes = value);
  }

  CsvSettings withReplaceMalformed(boolean value) {
    return copy(c -> c.replaceMalformed = value);
  }

  private CsvSettings copy(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a CsvSettings, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy {
    private List<String> locations;
    private Schema schema;
    private char delimiter;
    private char quote;
    private String charset;
    private boolean header;
    private List<String> columns;
    private Map<String, String> mapping;
    private int sampleSize;
    private List<FileRef> files;
    private long splitBytes;
    private long maxQuotedBytes;
    private boolean replaceMalformed;

    private Copy(CsvSettings s) {
      locations = s.locations;
      schema = s.schema;
      delimiter = s.delimiter;
      quote = s.quote;
      charset = s.charset;
      header = s.header;
      columns = s.columns;
      mapping = s.mapping;
      sampleSize = s.sampleSize;
      files = s.files;
      splitBytes = s.splitBytes;
      maxQuotedBytes = s.maxQuotedBytes;
      replaceMalformed = s.replaceMalformed;
    }

    private CsvSettings build() {
      return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping,
          sampleSize, files, splitBytes, maxQuotedBytes, replaceMalformed);
    }
  }
}
