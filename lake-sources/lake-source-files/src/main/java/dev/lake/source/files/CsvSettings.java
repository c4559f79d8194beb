package dev.lake.source.files;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** The immutable configuration of a {@link CsvSource}; {@code files} is set on splits only. */
record CsvSettings(List<String> locations, Schema schema, char delimiter, char quote, String charset, boolean header,
    List<String> columns, Map<String, String> mapping, int sampleSize, List<FileRef> files) implements Serializable {

  static final CsvSettings DEFAULT =
      new CsvSettings(List.of(), null, ',', '"', "UTF-8", true, List.of(), Map.of(), 1000, null);

  CsvSettings withLocations(List<String> value) {
    return new CsvSettings(List.copyOf(value), schema, delimiter, quote, charset, header, columns, mapping,
        sampleSize, null);
  }

  CsvSettings withSchema(Schema value) {
    return new CsvSettings(locations, value, delimiter, quote, charset, header, columns, mapping, sampleSize, files);
  }

  CsvSettings withDelimiter(char value) {
    return new CsvSettings(locations, schema, value, quote, charset, header, columns, mapping, sampleSize, files);
  }

  CsvSettings withQuote(char value) {
    return new CsvSettings(locations, schema, delimiter, value, charset, header, columns, mapping, sampleSize, files);
  }

  CsvSettings withCharset(String value) {
    return new CsvSettings(locations, schema, delimiter, quote, value, header, columns, mapping, sampleSize, files);
  }

  CsvSettings withHeader(boolean value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, value, columns, mapping, sampleSize, files);
  }

  CsvSettings withColumns(List<String> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, List.copyOf(value), mapping,
        sampleSize, files);
  }

  CsvSettings withMapping(Map<String, String> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, Map.copyOf(value),
        sampleSize, files);
  }

  CsvSettings withSampleSize(int value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping, value, files);
  }

  CsvSettings withFiles(List<FileRef> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping, sampleSize,
        List.copyOf(value));
  }
}
