package dev.lake.io;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One file of a dataset, as listed in a commit manifest.
 *
 * <pre>{@code
 * DataFile f = new DataFile("year=2011/month=1/part-20261207T101500Z-1a2b3c4d-00000-00000.parquet",
 *     Map.of("year", "2011", "month", "1"), 12_345, 1_048_576, "20261207T101500Z-1a2b3c4d",
 *     List.of("file:///data/2011-01-04.csv.gz@61542@1733560000000"));
 * }</pre>
 *
 * @param path the path relative to the dataset root, with '/' separators
 * @param partition the partition values (unencoded) in partition order; empty when not partitioned
 * @param rows rows in the file
 * @param bytes file size in bytes
 * @param commitKey the id of the attempt that wrote it (a run id, with a task attempt on Spark); every file name
 *     carries it, so no two attempts ever write the same name
 * @param splits the ids of the input splits ({@link Source#id()}) whose rows the file holds: the dataset's split
 *     ledger, so that an input already committed is never added again
 */
public record DataFile(String path, Map<String, String> partition, long rows, long bytes, String commitKey,
    List<String> splits) implements Serializable {
  public DataFile {
    partition = partition == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(partition));
    splits = splits == null ? List.of() : List.copyOf(splits);
  }

  /** A file whose input splits are not recorded (written outside a pipeline). */
  public DataFile(String path, Map<String, String> partition, long rows, long bytes, String commitKey) {
    this(path, partition, rows, bytes, commitKey, List.of());
  }

  /** The same file at another path (a retired copy) or with other splits. */
  public DataFile withSplits(List<String> inputSplits) {
    return new DataFile(path, partition, rows, bytes, commitKey, inputSplits);
  }
}
