package dev.lake.io;

import java.io.Serializable;
import java.util.Map;

/**
 * One file of a dataset, as listed in a commit manifest.
 *
 * <pre>{@code
 * DataFile f = new DataFile("year=2011/month=1/part-3f9a1c0b-0-0.parquet", Map.of("year", "2011", "month", "1"),
 *     12_345, 1_048_576, "3f9a1c0b");
 * }</pre>
 *
 * @param path the path relative to the dataset root, with '/' separators
 * @param partition the partition values (unencoded) in partition order; empty when not partitioned
 * @param rows rows in the file
 * @param bytes file size in bytes
 * @param commitKey the commit key of the run that wrote it
 */
public record DataFile(String path, Map<String, String> partition, long rows, long bytes, String commitKey)
    implements Serializable {
  public DataFile {
    partition = partition == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(partition));
  }
}
