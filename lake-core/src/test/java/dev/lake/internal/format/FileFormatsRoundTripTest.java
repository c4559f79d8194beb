package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.LocalStore;
import dev.lake.io.ObjectStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileFormatsRoundTripTest {
  @TempDir
  Path dir;

  static Stream<Arguments> formatsAndCodecs() {
    return Stream.of(
        Arguments.of(FileFormat.PARQUET, Compression.NONE), Arguments.of(FileFormat.PARQUET, Compression.SNAPPY),
        Arguments.of(FileFormat.PARQUET, Compression.ZSTD), Arguments.of(FileFormat.PARQUET, Compression.GZIP),
        Arguments.of(FileFormat.AVRO, Compression.NONE), Arguments.of(FileFormat.AVRO, Compression.SNAPPY),
        Arguments.of(FileFormat.AVRO, Compression.ZSTD), Arguments.of(FileFormat.AVRO, Compression.GZIP),
        Arguments.of(FileFormat.JSON_LINES, Compression.NONE), Arguments.of(FileFormat.JSON_LINES, Compression.GZIP),
        Arguments.of(FileFormat.CSV, Compression.NONE), Arguments.of(FileFormat.CSV, Compression.GZIP));
  }

  static Stream<FileFormat> formats() {
    return Stream.of(FileFormat.values());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("formatsAndCodecs")
  void newReader_fileWrittenAndCommitted_returnsEqualValues(FileFormat format, Compression codec) throws IOException {
    WriteSpec spec = WriteSpec.of(format, codec, TestRows.FILE_SCHEMA, TestRows.MODEL);
    URI uri = dir.resolve("part-0" + spec.suffix()).toUri();

    long bytes = write(spec, LocalStore.INSTANCE, uri, TestRows.rows());
    List<GenericRecord> read = read(format, LocalStore.INSTANCE, uri);

    assertThat(bytes).isEqualTo(Files.size(Path.of(uri)));
    assertThat(read).hasSize(2);
    assertThat(read.stream().map(TestRows::plain).toList())
        .isEqualTo(TestRows.rows().stream().map(TestRows::plain).toList());
    assertThat(read.get(0).get("name")).isInstanceOf(String.class);
    assertThat((List<?>) read.get(0).get("tags")).first().isInstanceOf(String.class);
    assertThat(read.get(0).getSchema().getField("year")).isNull();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void close_withoutCommit_leavesNoFileBehind(FileFormat format) throws IOException {
    WriteSpec spec = WriteSpec.of(format, null, TestRows.FILE_SCHEMA, TestRows.MODEL);
    URI uri = dir.resolve("part-0" + spec.suffix()).toUri();

    try (RowFileWriter writer = FileFormats.newWriter(spec, LocalStore.INSTANCE.newWriter(uri))) {
      for (GenericRecord row : TestRows.rows()) {
        writer.write(row);
      }
      assertThat(writer.rows()).isEqualTo(2);
    }

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("formats")
  void newWriter_rowsWithFieldsTheFileSchemaLacks_writesOnlyFileSchemaFields(FileFormat format) throws IOException {
    WriteSpec spec = WriteSpec.of(format, null, TestRows.FILE_SCHEMA, TestRows.MODEL);
    URI uri = dir.resolve("part-0" + spec.suffix()).toUri();

    write(spec, LocalStore.INSTANCE, uri, TestRows.rows());
    GenericRecord first = read(format, LocalStore.INSTANCE, uri).get(0);

    assertThat(TestRows.rows().get(0).getSchema().getField("year")).isNotNull();
    assertThat(first.getSchema().getFields()).extracting(f -> f.name())
        .containsExactlyElementsOf(TestRows.FILE_SCHEMA.getFields().stream().map(f -> f.name()).toList());
    assertThat(first.get("id")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("formats")
  void newReader_storeOtherThanLocal_readsThroughRangedReads(FileFormat format) throws IOException {
    WriteSpec spec = WriteSpec.of(format, null, TestRows.FILE_SCHEMA, TestRows.MODEL);
    URI uri = dir.resolve("part-0" + spec.suffix()).toUri();
    write(spec, LocalStore.INSTANCE, uri, TestRows.rows());

    List<GenericRecord> read = read(format, new ForwardingStore(LocalStore.INSTANCE), uri);

    assertThat(read.stream().map(TestRows::plain).toList())
        .isEqualTo(TestRows.rows().stream().map(TestRows::plain).toList());
  }

  @ParameterizedTest
  @MethodSource("formats")
  void newReader_manyRowsInSmallRowGroups_readsEveryRowInOrder(FileFormat format) throws IOException {
    WriteSpec spec = WriteSpec.builder().format(format).schema(TestRows.FILE_SCHEMA).model(TestRows.MODEL)
        .rowGroupBytes(64 * 1024).build();
    URI uri = dir.resolve("part-0" + spec.suffix()).toUri();
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      GenericRecord template = TestRows.rows().get(i % 2);
      GenericRecord row = new org.apache.avro.generic.GenericData.Record(template.getSchema());
      template.getSchema().getFields().forEach(f -> row.put(f.pos(), template.get(f.pos())));
      row.put("id", i);
      rows.add(row);
    }

    write(spec, LocalStore.INSTANCE, uri, rows);
    List<GenericRecord> read = read(format, LocalStore.INSTANCE, uri);

    assertThat(read).extracting(r -> r.get("id")).containsExactlyElementsOf(rows.stream().map(r -> r.get("id"))
        .toList());
  }

  static long write(WriteSpec spec, ObjectStore store, URI uri, List<GenericRecord> rows) throws IOException {
    try (RowFileWriter writer = FileFormats.newWriter(spec, store.newWriter(uri))) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
      writer.commit();
      return writer.bytes();
    }
  }

  static List<GenericRecord> read(FileFormat format, ObjectStore store, URI uri) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> reader = FileFormats.newReader(format, store, uri, TestRows.FILE_SCHEMA)) {
      while (reader.hasNext()) {
        rows.add(reader.next());
      }
    }
    return rows;
  }
}
