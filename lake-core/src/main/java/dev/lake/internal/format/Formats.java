package dev.lake.internal.format;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectWriter;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The implementation behind {@link dev.lake.format.FileFormats}: picks the writer or reader for a format. Public
 * only so that {@code dev.lake.format} and the engine can reach it; use {@link dev.lake.format.FileFormats}
 * instead.
 *
 * <pre>{@code
 * RowFileWriter w = Formats.newWriter(WriteSpec.of(FileFormat.AVRO, null, schema, model), store.newWriter(uri));
 * }</pre>
 */
public final class Formats {
  private Formats() {}

  /** See {@link dev.lake.format.FileFormats#newWriter}. On failure the object writer is aborted. */
  public static RowFileWriter newWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    ValidationException.check(spec.schema().getType() == Schema.Type.RECORD,
        "A file schema must be a record schema, but was %s", spec.schema().getType());
    try {
      return switch (spec.format()) {
        case PARQUET -> new ParquetRowWriter(spec, out);
        case AVRO -> new AvroRowWriter(spec, out);
        case JSON_LINES -> new JsonLinesWriter(spec, out);
        case CSV -> new CsvRowWriter(spec, out);
      };
    } catch (IOException | RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /**
   * See {@link dev.lake.format.FileFormats#newReader}. A Parquet file in a store that gives its
   * {@linkplain ObjectStore#localPath local path} is read from that path directly.
   */
  public static SourceReader<GenericRecord> newReader(FileFormat format, ObjectStore store, URI uri, Schema schema)
      throws IOException {
    ValidationException.check(schema == null || schema.getType() == Schema.Type.RECORD,
        "A file schema must be a record schema, but was %s", schema == null ? null : schema.getType());
    return switch (format) {
      case PARQUET -> new ParquetRowReader(store, uri, schema);
      case AVRO -> new AvroRowReader(store, uri, schema);
      case JSON_LINES -> new JsonLinesReader(store, uri, requireSchema(format, uri, schema));
      case CSV -> new CsvRowReader(store, uri, requireSchema(format, uri, schema));
    };
  }

  /**
   * The codec an existing file was written with: from the Parquet footer or the Avro header, from the {@code .gz}
   * suffix for JSON Lines and CSV; null when a Parquet file has no row group (the format's default then applies).
   */
  public static Compression compressionOf(FileFormat format, ObjectStore store, URI uri) throws IOException {
    return switch (format) {
      case PARQUET -> ParquetRowReader.codec(store, uri);
      case AVRO -> {
        try (var in = store.open(uri);
            var avro = new org.apache.avro.file.DataFileStream<>(in,
                new org.apache.avro.generic.GenericDatumReader<>())) {
          String codec = avro.getMetaString("avro.codec");
          yield codec == null || codec.equals("null") ? Compression.NONE : switch (codec) {
            case "snappy" -> Compression.SNAPPY;
            case "zstandard" -> Compression.ZSTD;
            default -> Compression.GZIP;
          };
        }
      }
      case JSON_LINES, CSV -> uri.getPath().endsWith(".gz") ? Compression.GZIP : Compression.NONE;
    };
  }

  private static Schema requireSchema(FileFormat format, URI uri, Schema schema) {
    ValidationException.check(schema != null,
        "Reading %s file %s needs a schema: pass the expected record schema to FileFormats.newReader", format, uri);
    return schema;
  }
}
