package dev.lake.internal.lake;

import dev.lake.exceptions.LakeException;
import dev.lake.internal.format.Formats;
import dev.lake.internal.format.GenericRowModel;
import dev.lake.io.Compression;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.Locations;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectWriter;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.StagedObject;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Rewrites the files of one partition into as few files as the target size allows: rows are read in file order and
 * written to {@code <name>-<seq>} files in the same directory ({@code compact-<runId>-<group>} for a compaction,
 * {@code part-<attemptId>-m<group>} for a run coalescing its own files), rolled at the target size. The new files are
 * staged (invisible until a commit publishes them) and hold the splits of the files they replace. Values and types
 * are kept as they are: Parquet and Avro files are read with their own schema, and a file whose schema differs from
 * the one being written starts a new output file rather than being cast.
 *
 * <pre>{@code
 * PartitionRewriter rewriter = new PartitionRewriter(store, dataDir, FileFormat.PARQUET, null, null, 128L << 20);
 * List<DataFile> out = rewriter.rewrite(group.inputs(), dataDir, "year=2011/", "compact-" + runId + "-0", runId);
 * Map<String, StagedObject> staged = rewriter.staged();
 * }</pre>
 */
final class PartitionRewriter {
  private static final GenericData MODEL = new GenericRowModel(); // rows read back from the dataset's files

  private final ObjectStore store;
  private final URI dataDir;
  private final FileFormat format;
  private final Schema textSchema;
  private final Compression compression;
  private final long targetBytes;
  private final long maxRows;
  private final List<DataFile> written = new ArrayList<>();
  private final Map<String, StagedObject> staged = new LinkedHashMap<>();

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
   * Writes the rows of {@code inputs} (files of one partition, all under {@code directory}, read from under
   * {@code inputDir}) to new staged files named {@code <directory><name>-<seq><suffix>} and returns them. On failure
   * the new files are discarded and nothing else is touched.
   */
  List<DataFile> rewrite(List<DataFile> inputs, URI inputDir, String directory, String name, String commitKey)
      throws IOException {
    Compression codec = compression != null ? compression
        : Formats.compressionOf(format, store, Locations.child(inputDir, inputs.get(0).path()));
    List<String> splits = new ArrayList<>(new LinkedHashSet<>(inputs.stream()
        .flatMap(f -> f.splits().stream()).toList()));
    Output out = null;
    try {
      for (DataFile input : inputs) {
        URI uri = Locations.child(inputDir, input.path());
        long rows = 0;
        try (SourceReader<GenericRecord> reader = Formats.newReader(format, store, uri, textSchema)) {
          while (reader.hasNext()) {
            GenericRecord row = reader.next();
            if (out == null || !out.schema.equals(row.getSchema()) || out.writer.bytes() >= targetBytes
                || out.writer.rows() >= maxRows) {
              finish(out, inputs.get(0), commitKey, splits);
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
      finish(out, inputs.get(0), commitKey, splits);
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

  private void finish(Output out, DataFile first, String commitKey, List<String> splits) throws IOException {
    if (out == null) {
      return;
    }
    out.writer.commit();
    staged.put(out.path, out.object.staged());
    written.add(DataFile.builder().path(out.path).partition(first.partition()).rows(out.writer.rows())
        .bytes(out.writer.bytes()).commitKey(commitKey).splits(splits).build());
    out.writer.close();
  }

  /** The staged objects of the files written so far, by path. */
  Map<String, StagedObject> staged() {
    return Map.copyOf(staged);
  }

  /** Discards what this rewriter staged (best effort: a dead run's staged files are cleaned up later anyway). */
  void discard() {
    for (StagedObject s : staged.values()) {
      try {
        store.discard(s);
      } catch (IOException e) {
        // invisible; Leftovers removes it once the run is provably dead
      }
    }
    staged.clear();
    written.clear();
  }

  private final class Output {
    final Schema schema;
    final String path;
    final ObjectWriter object;
    final RowFileWriter writer;

    Output(Schema schema, Compression codec, String name) throws IOException {
      this.schema = schema;
      WriteSpec spec = WriteSpec.builder().format(format).compression(codec).schema(schema).model(MODEL)
          .rowGroupBytes(Math.max(1 << 20, Math.min(WriteSpec.DEFAULT_ROW_GROUP_BYTES, targetBytes))).build();
      this.path = name + spec.suffix();
      this.object = store.newStagedWriter(Locations.child(dataDir, path));
      this.writer = Formats.newWriter(spec, object);
    }
  }
}
