package dev.lake.internal.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lake.io.DataFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One committed version of a dataset: the complete list of its live files (a snapshot, not a delta), with the
 * schema and layout they were written with. Stored as JSON at
 * {@code _lake/manifests/<zone>/<dataset>/v<version>.json}; the highest version is the dataset.
 *
 * @param formatVersion the manifest format (1)
 * @param dataset the dataset path, e.g. {@code processed/online_retail}
 * @param version this commit's version, from 1
 * @param committedAt when it was committed
 * @param pipeline the pipeline that committed it
 * @param runId the run that committed it
 * @param commitKey the commit key of the run's input
 * @param mode the write mode of the commit
 * @param format the file format
 * @param partitionBy partition columns, in directory order
 * @param schema the Avro schema of the rows (partition columns included), as JSON
 * @param files every live file of the dataset
 * @param added paths of the files this commit added
 * @param removed paths of the files this commit removed
 * @param compacted for each live file written by a compaction, the commit keys of the runs whose rows it holds (so
 *     that re-committing one of those runs' input does not add its rows a second time)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(int formatVersion, String dataset, long version, Instant committedAt, String pipeline,
    String runId, String commitKey, String mode, String format, List<String> partitionBy, String schema,
    List<DataFile> files, List<String> added, List<String> removed, Map<String, List<String>> compacted) {

  public Manifest {
    partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    files = files == null ? List.of() : List.copyOf(files);
    added = added == null ? List.of() : List.copyOf(added);
    removed = removed == null ? List.of() : List.copyOf(removed);
    compacted = compacted == null ? Map.of() : Map.copyOf(compacted);
  }

  /** The commit keys whose rows a file holds: its own, or for a compacted file those of the files it replaced. */
  public List<String> commitKeysOf(DataFile file) {
    return compacted.getOrDefault(file.path(), List.of(file.commitKey()));
  }

  /** Rows in the dataset at this version. */
  public long rows() {
    return files.stream().mapToLong(DataFile::rows).sum();
  }

  /** Bytes in the dataset at this version. */
  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }
}
