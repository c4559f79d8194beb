package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SourceException;
import dev.lake.exceptions.ValidationException;
import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.LocalStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFormatsErrorsTest {
  private static final Schema SMALL = new Schema.Parser().parse("""
      {"type": "record", "name": "Small", "fields": [
        {"name": "id", "type": "int"}, {"name": "name", "type": ["null", "string"]}]}""");

  @TempDir
  Path dir;

  @Test
  void newWriter_jsonLinesWithZstd_throwsValidationExceptionAndLeavesNothing() {
    WriteSpec spec = WriteSpec.of(FileFormat.JSON_LINES, Compression.ZSTD, SMALL, TestRows.MODEL);
    URI uri = dir.resolve("a.jsonl").toUri();

    assertThatThrownBy(() -> FileFormats.newWriter(spec, LocalStore.INSTANCE.newWriter(uri)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("JSON_LINES files are compressed as a whole with GZIP or not at all, not with ZSTD: "
            + "use Compression.GZIP or NONE");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void newReader_csvWithoutSchema_throwsValidationException() {
    URI uri = dir.resolve("a.csv").toUri();

    assertThatThrownBy(() -> FileFormats.newReader(FileFormat.CSV, LocalStore.INSTANCE, uri, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Reading CSV file " + uri + " needs a schema: pass the expected record schema to "
            + "FileFormats.newReader");
  }

  @Test
  void commit_twice_throwsIllegalStateException() throws Exception {
    WriteSpec spec = WriteSpec.of(FileFormat.PARQUET, null, SMALL, TestRows.MODEL);
    try (RowFileWriter writer = FileFormats.newWriter(spec, LocalStore.INSTANCE.newWriter(dir.resolve("a")
        .toUri()))) {
      writer.commit();

      assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class)
          .hasMessage("This Parquet writer is already committed or closed");
    }
  }

  @Test
  void next_csvValueOfWrongType_throwsSchemaExceptionWithLine() throws Exception {
    Path file = dir.resolve("a.csv");
    Files.writeString(file, "id,name\n1,Ann\nx,Bob\n", StandardCharsets.UTF_8);

    try (SourceReader<GenericRecord> reader = FileFormats.newReader(FileFormat.CSV, LocalStore.INSTANCE,
        file.toUri(), SMALL)) {
      assertThat(reader.next().get("name")).isEqualTo("Ann");

      assertThatThrownBy(reader::next).isInstanceOf(SchemaException.class)
          .hasMessage("Expected an int but was \"x\" at $.id (" + file.toUri() + ":3)");
    }
  }

  @Test
  void next_csvRowWithMissingField_throwsSourceException() throws Exception {
    Path file = dir.resolve("a.csv");
    Files.writeString(file, "id,name\n1\n", StandardCharsets.UTF_8);

    try (SourceReader<GenericRecord> reader = FileFormats.newReader(FileFormat.CSV, LocalStore.INSTANCE,
        file.toUri(), SMALL)) {
      assertThatThrownBy(reader::next).isInstanceOf(SourceException.class)
          .hasMessage("Expected 2 fields but found 1 at " + file.toUri() + ":2");
    }
  }

  @Test
  void next_invalidJsonLine_throwsSourceExceptionWithLine() throws Exception {
    Path file = dir.resolve("a.jsonl");
    Files.writeString(file, "{\"id\":1}\n\n{\"id\":\n", StandardCharsets.UTF_8);

    try (SourceReader<GenericRecord> reader = FileFormats.newReader(FileFormat.JSON_LINES, LocalStore.INSTANCE,
        file.toUri(), SMALL)) {
      GenericRecord first = reader.next();

      assertThat(first.get("id")).isEqualTo(1);
      assertThat(first.get("name")).isNull();
      assertThat(reader.position()).isEqualTo(file.toUri() + ":1");
      assertThatThrownBy(reader::next).isInstanceOf(SourceException.class)
          .hasMessageStartingWith("Invalid JSON at " + file.toUri() + ":3: ");
    }
  }

  @Test
  void newReader_parquetThroughAnotherStore_usesRangedReads() throws Exception {
    URI uri = dir.resolve("a.parquet").toUri();
    FileFormatsRoundTripTest.write(WriteSpec.of(FileFormat.PARQUET, null, TestRows.FILE_SCHEMA, TestRows.MODEL),
        LocalStore.INSTANCE, uri, TestRows.rows());
    ForwardingStore store = new ForwardingStore(LocalStore.INSTANCE);

    try (SourceReader<GenericRecord> reader = FileFormats.newReader(FileFormat.PARQUET, store, uri, null)) {
      assertThat(Stream.generate(() -> 0).takeWhile(x -> reader.hasNext()).map(x -> reader.next()).count())
          .isEqualTo(2);
    }
    assertThat(store.rangedReads).isPositive();
  }
}
