package dev.lake;

import dev.lake.internal.lake.Manifest;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.Locations;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * One committed version of a dataset, as {@link Lake#latest}, {@link Lake#history} and {@link Lake#version} return
 * it: a snapshot, not a delta — every live file of the dataset at that version, with the schema and layout they were
 * written with, and who committed it. Like an Iceberg or Delta snapshot, a version never changes: the files it lists
 * are never rewritten, and stay readable ({@link Lake#readVersion}) until {@link Lake#expire} drops the version.
 *
 * <pre>{@code
 * DatasetVersion v = lake.latest("sales").orElseThrow();
 * System.out.printf("v%d by %s (run %s) at %s: %,d rows in %d files%n", v.version(), v.pipeline(), v.runId(),
 *     v.committedAt(), v.rows(), v.files().size());
 * for (DataFile f : v.files()) {
 *   URI where = v.fileUri(f);                  // e.g. s3://bucket/lake/processed/sales/year=2011/part-...parquet
 *   Map<String, String> partition = f.partition();
 * }
 * }</pre>
 */
public final class DatasetVersion {
  private final String dataset;
  private final long version;
  private final Instant committedAt;
  private final String pipeline;
  private final String runId;
  private final String mode;
  private final FileFormat format;
  private final List<String> partitionBy;
  private final Schema schema;
  private final List<DataFile> files;
  private final List<String> added;
  private final List<String> removed;
  private final URI location;

  private DatasetVersion(Manifest m, URI location) {
    this.dataset = m.dataset();
    this.version = m.version();
    this.committedAt = m.committedAt();
    this.pipeline = m.pipeline();
    this.runId = m.runId();
    this.mode = m.mode();
    this.format = m.format() == null ? null : FileFormat.valueOf(m.format());
    this.partitionBy = m.partitionBy();
    this.schema = m.schema() == null ? null : new Schema.Parser().parse(m.schema());
    this.files = m.files();
    this.added = m.added();
    this.removed = m.removed();
    this.location = location;
  }

  /** The public view of a stored manifest whose dataset's files are under {@code location}. */
  static DatasetVersion of(Manifest m, URI location) {
    return new DatasetVersion(m, location);
  }

  /** The dataset's path under the lake's root, e.g. {@code processed/sales}. */
  public String dataset() {
    return dataset;
  }

  /** The version number: 1 for the first commit, one more for each commit after. */
  public long version() {
    return version;
  }

  /** When it was committed. */
  public Instant committedAt() {
    return committedAt;
  }

  /** The pipeline that committed it ({@code compact.<zone>.<dataset>} for a compaction). */
  public String pipeline() {
    return pipeline;
  }

  /** The id of the run that committed it, as in the run report {@code _lake/runs/<pipeline>/<runId>.json}. */
  public String runId() {
    return runId;
  }

  /**
   * How the commit changed the dataset: {@code APPEND}, {@code OVERWRITE}, {@code OVERWRITE_PARTITIONS} (the
   * {@link WriteMode}s) or {@code COMPACT}.
   */
  public String mode() {
    return mode;
  }

  /** The format of the files ({@code PARQUET} for the processed zone, {@code JSON_LINES} for raw and rejected). */
  public FileFormat format() {
    return format;
  }

  /** The partition columns, in directory order; empty when not partitioned. */
  public List<String> partitionBy() {
    return partitionBy;
  }

  /**
   * The Avro schema of the rows, partition columns included (the files hold the other columns); empty for a dataset
   * whose commits never had a row nor a declared schema.
   */
  public Optional<Schema> schema() {
    return Optional.ofNullable(schema);
  }

  /** Every live file of the dataset at this version: path (relative to {@link #location()}), partition, size. */
  public List<DataFile> files() {
    return files;
  }

  /** The paths of the files this commit added. */
  public List<String> added() {
    return added;
  }

  /** The paths of the files this commit replaced (kept for older versions until they expire). */
  public List<String> removed() {
    return removed;
  }

  /** The directory of the dataset's live files, ending in '/', e.g. {@code s3://bucket/lake/processed/sales/}. */
  public URI location() {
    return location;
  }

  /** Where a live file of this version is: {@link #location()} and the file's path. */
  public URI fileUri(DataFile file) {
    return Locations.child(location, file.path());
  }

  /** Rows in the dataset at this version. */
  public long rows() {
    return files.stream().mapToLong(DataFile::rows).sum();
  }

  /** Bytes in the dataset's files at this version. */
  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }

  /** The same version of the same dataset: equal location and version number (a version never changes). */
  @Override
  public boolean equals(Object o) {
    return o instanceof DatasetVersion v && v.version == version && v.location.equals(location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, version);
  }

  @Override
  public String toString() {
    return dataset + " v" + version + " (" + files.size() + " files, " + rows() + " rows, committed " + committedAt
        + " by " + pipeline + ")";
  }
}
