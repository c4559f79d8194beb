package dev.lake.internal.lake;

import dev.lake.Rows;
import dev.lake.exceptions.LakeException;
import dev.lake.internal.format.Formats;
import dev.lake.io.Compression;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.FileFormats;
import dev.lake.io.ObjectStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Rewrites the files of one partition into as few files as the target size allows: rows are read in file order and
 * written to {@code <name>-<seq>} files in the same directory ({@code compact-<key>} for a compaction,
 * {@code part-<commitKey>-m<hash>} for a run coalescing its own files), rolled at the target size. Values and types
 * are kept as they are: Parquet and Avro files are read with their own schema, and a file whose schema differs from
 * the one being written starts a new output file rather than being cast.
 *
 * <pre>{@code
 * List<DataFile> out = new PartitionRewriter(store, dataDir, FileFormat.PARQUET, null, null, 128L << 20)
 *     .rewrite(group.inputs(), "year=2011/", "compact-" + key, compactionCommitKey);
 * }</pre>
 */
final class PartitionRewriter {
  private static final GenericData MODEL = Rows.model(GenericRecord.class);

  private final ObjectStore store;
  private final URI dataDir;
  private final FileFormat format;
  private final Schema textSchema;
  private final Compression compression;
  private final long targetBytes;
  private final long maxRows;
  private final List<DataFile> written = new ArrayList<>();

  /**
   * @param textSchema the file schema for formats that do not carry one (JSON Lines, CSV); null for Parquet and Avro
   * @param compression the codec for the new files; null to keep the first input file's codec
   */
  PartitionRewriter(ObjectStore store, URI dataDir, FileFormat format, Schema textSchema, Compression compression,
      long targetBytes) {
    this(store, dataDir, format, textSchema, compression, targetBytes, Long.MAX_VALUE);
  }

  /** As above, also rolling files at {@code maxRows} rows. */
  PartitionRewriter(ObjectStore store, URI dataDir, FileFormat format, Schema textSchema, Compression compression,
      long targetBytes, long maxRows) {
    this.store = store;
    this.dataDir = dataDir;
    this.format = format;
    this.textSchema = textSchema;
    this.compression = compression;
    this.targetBytes = targetBytes;
    this.maxRows = maxRows;
  }

  /**
   * Writes the rows of {@code inputs} (files of one partition, all under {@code directory}) to new files named
   * {@code <directory><name>-<seq><suffix>} and returns them. On failure the new files are deleted and nothing else
   * is touched.
   */
  List<DataFile> rewrite(List<DataFile> inputs, String directory, String name, String commitKey) throws IOException {
    Compression codec = compression != null ? compression
        : Formats.compressionOf(format, store, Locations.child(dataDir, inputs.get(0).path()));
    Output out = null;
    try {
      for (DataFile input : inputs) {
        URI uri = Locations.child(dataDir, input.path());
        long rows = 0;
        try (SourceReader<GenericRecord> reader = FileFormats.newReader(format, store, uri, textSchema)) {
          while (reader.hasNext()) {
            GenericRecord row = reader.next();
            if (out == null || !out.schema.equals(row.getSchema()) || out.writer.bytes() >= targetBytes
                || out.writer.rows() >= maxRows) {
              finish(out, inputs.get(0), commitKey);
              out = new Output(row.getSchema(), codec,
                  directory + String.format("%s-%05d", name, written.size()));
            }
            out.writer.write(row);
            rows++;
          }
        }
        if (rows != input.rows()) {
          throw new LakeException("Cannot compact " + uri + ": the manifest says it holds " + input.rows()
              + " rows but it has " + rows + "; the dataset was changed outside Lake. Nothing was committed.");
        }
      }
      finish(out, inputs.get(0), commitKey);
      out = null;
      return List.copyOf(written);
    } catch (IOException | RuntimeException | Error e) {
      if (out != null) {
        out.writer.close();
      }
      discard();
      throw e;
    }
  }

  /**
   * The schema of files that do not carry one (JSON Lines, CSV), or null for Parquet and Avro: the row schema without
   * its partition columns.
   */
  static Schema textFileSchema(FileFormat format, String rowSchemaJson, List<String> partitionBy) {
    if (format == FileFormat.PARQUET || format == FileFormat.AVRO) {
      return null;
    }
    Schema row = new Schema.Parser().parse(rowSchemaJson);
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : row.getFields()) {
      if (!partitionBy.contains(f.name())) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    return Schema.createRecord(row.getName(), row.getDoc(), row.getNamespace(), false, fields);
  }

  private void finish(Output out, DataFile first, String commitKey) throws IOException {
    if (out == null) {
      return;
    }
    out.writer.commit();
    written.add(new DataFile(out.path, first.partition(), out.writer.rows(), out.writer.bytes(), commitKey));
    out.writer.close();
  }

  /** Deletes what this rewriter wrote (best effort: a later compaction removes leftovers too). */
  void discard() {
    List<URI> uris = new ArrayList<>();
    written.forEach(f -> uris.add(Locations.child(dataDir, f.path())));
    try {
      store.deleteAll(uris);
    } catch (IOException e) {
      // leftovers are named compact-*: a later compaction of the partition removes them
    }
    written.clear();
  }

  private final class Output {
    final Schema schema;
    final String path;
    final RowFileWriter writer;

    Output(Schema schema, Compression codec, String name) throws IOException {
      this.schema = schema;
      WriteSpec spec = new WriteSpec(format, codec, schema, MODEL,
          Math.max(1 << 20, Math.min(WriteSpec.DEFAULT_ROW_GROUP_BYTES, targetBytes)));
      this.path = name + spec.suffix();
      this.writer = FileFormats.newWriter(spec, store.newWriter(Locations.child(dataDir, path)));
    }
  }
}
