package dev.lake;

import dev.lake.exceptions.ValidationException;
import dev.lake.internal.lake.LakeDataset;
import dev.lake.internal.lake.LakeSinkWriter;
import dev.lake.internal.lake.ManifestStore;
import dev.lake.internal.lake.RunCoalescer;
import dev.lake.internal.lake.SerializableSchema;
import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Compression;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A sink into one dataset of a {@link Lake}: rows are written as files named after the attempt that writes them
 * ({@code part-<runId>-<writer>-<seq>.<ext>}) under Hive-style partition directories, rolled by size or row count,
 * staged (invisible) until the run's commit, and published with the dataset's next manifest version. Each version
 * records which input splits its files hold, so under {@code APPEND} input already committed is never added again.
 * Immutable: every {@code with*}/option method returns a copy.
 *
 * <pre>{@code
 * LakeSink<Object> sales = lake.processed("sales")
 *     .partitionBy("year", "month")            // directory columns, left out of the files
 *     .format(FileFormat.PARQUET)              // the default for processed/
 *     .compression(Compression.ZSTD)           // Snappy by default
 *     .mode(WriteMode.OVERWRITE_PARTITIONS)    // APPEND by default
 *     .targetFileBytes(128L << 20)             // roll files at ~128 MB (the default)
 *     .coalesceSmallFiles();                   // opt-in: one file per partition from a small run, not one per writer
 * }</pre>
 *
 * @param <T> the row type (records or generic rows)
 */
public final class LakeSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  /** Files roll at this size by default, so the lake does not fill with small files. */
  public static final long DEFAULT_TARGET_FILE_BYTES = 128L * 1024 * 1024;

  private final Lake lake;
  private final String dataset;
  private final FileFormat format;
  private final Compression compression;
  private final List<String> partitionBy;
  private final boolean ingestDate;
  private final WriteMode mode;
  private final long targetFileBytes;
  private final long maxRowsPerFile;
  private final int maxOpenFiles;
  /** The explicit schema, or null; its JSON parsed once after serialization. */
  private final SerializableSchema schema;
  private final boolean coalesce;

  LakeSink(Lake lake, String dataset, FileFormat format) {
    this(lake, dataset, format, null, List.of(), false, WriteMode.APPEND, DEFAULT_TARGET_FILE_BYTES, Long.MAX_VALUE,
        16, null, false);
  }

  private LakeSink(Lake lake, String dataset, FileFormat format, Compression compression, List<String> partitionBy,
      boolean ingestDate, WriteMode mode, long targetFileBytes, long maxRowsPerFile, int maxOpenFiles,
      SerializableSchema schema, boolean coalesce) {
    this.lake = lake;
    this.dataset = dataset;
    this.format = format;
    this.compression = compression;
    this.partitionBy = List.copyOf(partitionBy);
    this.ingestDate = ingestDate;
    this.mode = mode;
    this.targetFileBytes = targetFileBytes;
    this.maxRowsPerFile = maxRowsPerFile;
    this.maxOpenFiles = maxOpenFiles;
    this.schema = schema;
    this.coalesce = coalesce;
  }

  private LakeSink<T> copy(FileFormat f, Compression c, List<String> p, boolean i, WriteMode m, long t, long r,
      int o, SerializableSchema s) {
    return new LakeSink<>(lake, dataset, f, c, p, i, m, t, r, o, s, coalesce);
  }

  /** Partition columns, in directory order. Their values come from the row's fields of those names. */
  public LakeSink<T> partitionBy(String... columns) {
    for (String c : columns) {
      ValidationException.check(c != null && !c.isBlank(), "Partition column names must not be blank");
    }
    return copy(format, compression, List.of(columns), ingestDate, mode, targetFileBytes, maxRowsPerFile,
        maxOpenFiles, schema);
  }

  /** Adds a leading {@code ingest_date=YYYY-MM-DD} partition holding the run's start date (UTC). */
  public LakeSink<T> withIngestDate() {
    return copy(format, compression, partitionBy, true, mode, targetFileBytes, maxRowsPerFile, maxOpenFiles,
        schema);
  }

  public LakeSink<T> format(FileFormat fileFormat) {
    return copy(Objects.requireNonNull(fileFormat, "format"), compression, partitionBy, ingestDate, mode,
        targetFileBytes, maxRowsPerFile, maxOpenFiles, schema);
  }

  public LakeSink<T> compression(Compression codec) {
    return copy(format, codec, partitionBy, ingestDate, mode, targetFileBytes, maxRowsPerFile, maxOpenFiles,
        schema);
  }

  public LakeSink<T> mode(WriteMode writeMode) {
    return copy(format, compression, partitionBy, ingestDate, Objects.requireNonNull(writeMode, "mode"),
        targetFileBytes, maxRowsPerFile, maxOpenFiles, schema);
  }

  /** Rolls to a new file once a file reaches about this many bytes. */
  public LakeSink<T> targetFileBytes(long bytes) {
    ValidationException.check(bytes >= 1024, "targetFileBytes must be at least 1024 but was %s", bytes);
    return copy(format, compression, partitionBy, ingestDate, mode, bytes, maxRowsPerFile, maxOpenFiles, schema);
  }

  /** Rolls to a new file once a file holds this many rows. */
  public LakeSink<T> maxRowsPerFile(long rows) {
    ValidationException.check(rows >= 1, "maxRowsPerFile must be at least 1 but was %s", rows);
    return copy(format, compression, partitionBy, ingestDate, mode, targetFileBytes, rows, maxOpenFiles, schema);
  }

  /** How many partition files one writer keeps open at once (memory: one row group buffer each). */
  public LakeSink<T> maxOpenFiles(int files) {
    ValidationException.check(files >= 1, "maxOpenFiles must be at least 1 but was %s", files);
    return copy(format, compression, partitionBy, ingestDate, mode, targetFileBytes, maxRowsPerFile, files,
        schema);
  }

  /** Writes with this schema instead of deriving it from the first row. */
  public LakeSink<T> withSchema(Schema schema) {
    return copy(format, compression, partitionBy, ingestDate, mode, targetFileBytes, maxRowsPerFile, maxOpenFiles,
        SerializableSchema.of(schema));
  }

  /**
   * Before publishing, merges the small files this run's writers (one per worker or Spark task) wrote into each
   * partition into files near {@link #targetFileBytes}, so a small run adds one file per partition instead of one per
   * writer. Costs a second write of those files at commit time, on the driver: the writers write to
   * {@code _lake/scratch/}, outside the dataset, and the merged files are staged like any run's. Off by default;
   * {@link Lake#compaction} merges across runs.
   */
  public LakeSink<T> coalesceSmallFiles() {
    return new LakeSink<>(lake, dataset, format, compression, partitionBy, ingestDate, mode, targetFileBytes,
        maxRowsPerFile, maxOpenFiles, schema, true);
  }

  /** True when this run's small files are merged per partition before the commit. */
  public boolean coalescesSmallFiles() {
    return coalesce;
  }

  @Override
  public String name() {
    return "lake:" + dataset;
  }

  /**
   * What the engine needs of this sink: the one place that reads a lake sink for it (the writer, the commits and
   * {@link RunSpecs}), so that the engine does not depend on {@code LakeSink}, {@code Lake} or {@code WriteMode}.
   */
  LakeDataset toDataset() {
    return LakeDataset.builder().name(name()).at(lake.location(), dataset).format(format, compression)
        .partitioning(partitionBy, ingestDate).mode(mode.name(), mode == WriteMode.APPEND)
        .fileLimits(targetFileBytes, maxRowsPerFile, maxOpenFiles).schema(schema).coalescesSmallFiles(coalesce)
        .build();
  }

  @Override
  public SinkWriter<T> open(WriterContext ctx) {
    return new LakeSinkWriter<>(toDataset(), ctx, RecordModel.install());
  }

  /**
   * Commits what the writers staged, outside a pipeline: publishes their files and the next manifest version at once
   * for readers that follow manifests. A pipeline's runs commit through their pipeline's state instead (with cursors
   * and the split ledger, rolled forward after a crash); this direct commit is for callers that own their writers
   * (an ingest endpoint, a buffered delivery).
   */
  @Override
  public CommitSummary commit(List<WriterResult> results, CommitContext ctx) throws IOException {
    return dev.lake.internal.lake.LakePublications.commitDirect(toDataset(), results, ctx);
  }

  /**
   * Whether a direct {@link #commit} made with {@code ctx} took effect, for a caller that retries a commit whose
   * outcome it did not learn (a write landed but its response was lost): true when a version of the dataset holds it,
   * or when its decision (the pending marker a direct commit writes before publishing) exists, in which case it is
   * published now. False: it took no effect, and the caller may commit the rows again under a new run id.
   *
   * <pre>{@code
   * try {
   *   sink.commit(results, ctx);
   * } catch (IOException lost) {
   *   if (!sink.committedDirect(ctx)) { ... write the rows again and commit under a new run id ... }
   * }
   * }</pre>
   */
  public boolean committedDirect(CommitContext ctx) throws IOException {
    return dev.lake.internal.lake.LakePublications.landedDirect(toDataset(), ctx);
  }

  /** Discards what writers staged for a run that will not commit. */
  @Override
  public void abort(List<WriterResult> results) throws IOException {
    for (WriterResult r : results) {
      for (dev.lake.io.StagedObject s : r.staged().values()) {
        lake.store().discard(s);
      }
    }
    if (coalesce) {
      var scratch = ManifestStore.of(lake.location()).scratchDirectory(dataset);
      List<java.net.URI> files = new ArrayList<>();
      results.forEach(r -> r.files().forEach(f -> files.add(dev.lake.io.Locations.child(scratch,
          f.path()))));
      lake.store().deleteAll(files);
    }
  }

  /**
   * Staging the dataset's files and publishing them, its manifests and pending markers, retiring replaced files and
   * discarding dead runs' staged files, in its lake's store ({@code file://}: nothing; {@code s3://}: the exact
   * prefixes); the scratch directory too when coalescing.
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    dev.lake.iam.IamPolicy write = dev.lake.internal.lake.LakePermissions.write(lake.location(), dataset, scope);
    return coalesce
        ? write.and(dev.lake.internal.lake.LakePermissions.scratch(lake.location(), dataset, scope)) : write;
  }

  public Lake lake() {
    return lake;
  }

  /** The dataset path, e.g. {@code processed/sales}. */
  public String dataset() {
    return dataset;
  }

  public FileFormat format() {
    return format;
  }

  /** The codec, or null for the format's default. */
  public Compression compression() {
    return compression;
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  public boolean ingestDate() {
    return ingestDate;
  }

  public WriteMode mode() {
    return mode;
  }

  public long targetFileBytes() {
    return targetFileBytes;
  }

  public long maxRowsPerFile() {
    return maxRowsPerFile;
  }

  public int maxOpenFiles() {
    return maxOpenFiles;
  }

  /**
   * The explicit schema (the one given to {@link #withSchema}, or parsed once after serialization), or null to derive
   * it from the first row.
   */
  public Schema schema() {
    return schema == null ? null : schema.get();
  }
}
