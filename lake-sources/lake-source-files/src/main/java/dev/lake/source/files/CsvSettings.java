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
    return new CsvSettings(List.copyOf(value), schema, delimiter, quote, charset, header, columns, mapping,
        sampleSize, null, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withSchema(Schema value) {
    return new CsvSettings(locations, value, delimiter, quote, charset, header, columns, mapping,
        sampleSize, files, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withDelimiter(char value) {
    return new CsvSettings(locations, schema, value, quote, charset, header, columns, mapping,
        sampleSize, files, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withQuote(char value) {
    return new CsvSettings(locations, schema, delimiter, value, charset, header, columns, mapping,
        sampleSize, files, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withCharset(String value) {
    return new CsvSettings(locations, schema, delimiter, quote, value, header, columns, mapping,
        sampleSize, files, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withHeader(boolean value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, value, columns, mapping,
        sampleSize, files, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withColumns(List<String> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, List.copyOf(value), mapping,
        sampleSize, files, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withMapping(Map<String, String> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, Map.copyOf(value),
        sampleSize, files, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withSampleSize(int value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping,
        value, files, splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withFiles(List<FileRef> value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping, sampleSize,
        List.copyOf(value), splitBytes, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withSplitBytes(long value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping, sampleSize, files,
        value, maxQuotedBytes, replaceMalformed);
  }

  CsvSettings withMaxQuotedBytes(long value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping, sampleSize, files,
        splitBytes, value, replaceMalformed);
  }

  CsvSettings withReplaceMalformed(boolean value) {
    return new CsvSettings(locations, schema, delimiter, quote, charset, header, columns, mapping, sampleSize, files,
        splitBytes, maxQuotedBytes, value);
  }
}
