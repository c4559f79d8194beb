package dev.lake.source.files;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** The immutable configuration of a {@link CsvSource}; {@code files} is set on splits only. */
record CsvSettings(List<String> locations, Schema schema, char delimiter, char quote, String charset, boolean header,
    List<String> columns, Map<String, String> mapping, int sampleSize,
    List<FileRef> files, long splitBytes) implements Serializable {

  static final CsvSettings DEFAULT =
      new CsvSettings(List.of(), null, ',', '"', "UTF-8", true, List.of(), Map.of(), 1000, null, 0);

  CsvSettings withLocations(List<String> value) {
    return new CsvSettings(List.copyOf(value), schema, delimiter, quote, charset, header, columns, mapping,
        sampleSize, null, splitBytes);
  }

  CsvSettings withSchema(Schema value) {
    return new CsvSettings(locations, value, delimiter, quote, charset, header, columns, mapping,
        sampleSize, files, splitBytes);
  }

  CsvSettings withDelimiter(char value) {
    return new CsvSettings(locations, schema, value, quote, charset, header, columns, mapping,
        sampleSize, files, splitBytes);
  }

  CsvSettings withQuote(char value) {
    return new CsvSettings(locations, schema, delimiter, value, charset, header, columns, mapping,
        sampleSize, files, splitBytes);
  }

  CsvSettings withCharset(String value) {
    return new CsvSettings(locations, schema, delimiter, quote, value, header, columns, mapping,
        sampleSize, files, splitBytes);
  }

  CsvSettings withHeader(boolean value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, value, columns, mapping,
        sampleSize, files, splitBytes);
  }

  CsvSettings withColumns(List<String> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, List.copyOf(value), mapping,
        sampleSize, files, splitBytes);
  }

  CsvSettings withMapping(Map<String, String> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, Map.copyOf(value),
        sampleSize, files, splitBytes);
  }

  CsvSettings withSampleSize(int value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping,
        value, files, splitBytes);
  }

  CsvSettings withFiles(List<FileRef> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping, sampleSize,
        List.copyOf(value), splitBytes);
  }

  CsvSettings withSplitBytes(long value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping, sampleSize, files,
        value);
  }
}
