package dev.lake.internal.lake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lake.io.DataFile;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One committed version of a dataset: the complete list of its live files (a snapshot, not a delta), with the
 * schema and layout they were written with, and the split ledger: which input splits its rows come from. Stored as
 * JSON at {@code _lake/manifests/<zone>/<dataset>/v<version>.json}; the highest version is the dataset. Versions are
 * immutable: a file a version lists is never rewritten, and is deleted only once no retained version lists it
 * (until then a replaced file waits under {@code _lake/retired/}).
 *
 * @param formatVersion the manifest format: 3 (2: files inline; 1: before the split ledger; both still read)
 * @param dataset the dataset path, e.g. {@code processed/online_retail}
 * @param version this commit's version, from 1
 * @param committedAt when it was committed
 * @param pipeline the pipeline (or {@code compact}) that committed it
 * @param runId the run that committed it
 * @param commitKey format 1 only: the commit key of the run's input
 * @param mode the write mode of the commit ({@code APPEND}, {@code OVERWRITE}, {@code OVERWRITE_PARTITIONS},
 *     {@code COMPACT})
 * @param format the file format
 * @param partitionBy partition columns, in directory order
 * @param schema the Avro schema of the rows (partition columns included), as JSON
 * @param files every live file of the dataset, each with the splits whose rows it holds
 * @param added paths of the files this commit added
 * @param removed paths of the files this commit removed (retired, not deleted)
 * @param compacted format 1 only: for compacted files, the commit keys whose rows they hold
 * @param emptySplits splits committed to the dataset whose rows are in none of its files (all filtered, rejected or
 *     sent elsewhere): part of the ledger, so such input is not read again
 * @param published for each pipeline that committed to the dataset, the newest of its state versions published here
 *     (so that rolling a crashed commit forward never publishes it twice)
 * @param segments format 3: the segments that hold the files and empty splits ({@link Segments}); the version file
 *     stores these instead of {@code files} and {@code emptySplits}, which reading fills in
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(int formatVersion, String dataset, long version, Instant committedAt, String pipeline,
    String runId, String commitKey, String mode, String format, List<String> partitionBy, String schema,
    List<DataFile> files, List<String> added, List<String> removed, Map<String, List<String>> compacted,
    List<String> emptySplits, Map<String, Long> published, List<SegmentRef> segments) {

  /** The format this version of Lake writes. */
  public static final int FORMAT = 3;

  public Manifest {
    partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    files = files == null ? List.of() : List.copyOf(files);
    added = added == null ? List.of() : List.copyOf(added);
    removed = removed == null ? List.of() : List.copyOf(removed);
    compacted = compacted == null ? Map.of() : Map.copyOf(compacted);
    emptySplits = emptySplits == null ? List.of() : List.copyOf(emptySplits);
    published = published == null ? Map.of() : Map.copyOf(published);
    segments = segments == null ? List.of() : List.copyOf(segments);
  }

  /** What the version file holds: the segments instead of the files and empty splits. */
  Manifest stored(List<SegmentRef> refs) {
    return new Manifest(formatVersion, dataset, version, committedAt, pipeline, runId, commitKey, mode, format,
        partitionBy, schema, List.of(), added, removed, compacted, List.of(), published, refs);
  }

  /** A stored version with the files and empty splits its segments hold. */
  Manifest resolved(List<DataFile> segmentFiles, List<String> segmentEmptySplits) {
    return new Manifest(formatVersion, dataset, version, committedAt, pipeline, runId, commitKey, mode, format,
        partitionBy, schema, segmentFiles, added, removed, compacted, segmentEmptySplits, published, segments);
  }

  /** The ids of every input split whose rows this version holds (its files' splits and the empty splits). */
  public Set<String> ledger() {
    Set<String> ledger = new HashSet<>(emptySplits);
    files.forEach(f -> ledger.addAll(f.splits()));
    return ledger;
  }

  /** The newest state version of {@code pipelineName} published here, or 0. */
  public long publishedVersion(String pipelineName) {
    return published.getOrDefault(pipelineName, 0L);
  }

  /** Rows in the dataset at this version. */
  @JsonIgnore
  public long rows() {
    return files.stream().mapToLong(DataFile::rows).sum();
  }

  /** Bytes in the dataset at this version. */
  @JsonIgnore
  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }
}
