package dev.lake.loader.warehouse;

import dev.lake.exceptions.SinkException;
import dev.lake.io.DataFile;
import dev.lake.io.PartitionPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one load moves, from what the warehouse recorded ({@link LoadState.Recorded}) and the dataset's newest
 * version. Files are told apart by their unique paths, so expired versions do not matter:
 * <ul>
 *   <li>{@code APPEND}: the live files the table does not hold yet. When files it holds are no longer live (a
 *   compaction moved their rows into new files, an overwrite replaced them), their partitions' rows are deleted and
 *   those partitions loaded again from the newest version (the whole table for an unpartitioned dataset), so the
 *   table holds every row of the dataset once;</li>
 *   <li>{@code MERGE}: the live files not merged yet (a merge never deletes);</li>
 *   <li>{@code REPLACE}: every live file, after deleting every row.</li>
 * </ul>
 * Nothing moves when the table already holds the newest version ({@code APPEND}, {@code MERGE}).
 *
 * @param previousVersion the version the table held (0: none)
 * @param version the newest version
 * @param files the files to load
 * @param clearAll delete every row of the table first
 * @param clear partitions whose rows are deleted first
 * @param gone recorded paths no longer live
 * @param added live paths not recorded yet
 */
record LoadPlan(long previousVersion, long version, List<DataFile> files, boolean clearAll,
    List<Map<String, String>> clear, List<String> gone, List<String> added) {

  LoadPlan {
    files = List.copyOf(files);
    clear = List.copyOf(clear);
    gone = List.copyOf(gone);
    added = List.copyOf(added);
  }

  static LoadPlan of(LoadMode mode, SourceVersion newest, LoadState.Recorded recorded, String table) {
    if (recorded.version() > newest.version()) {
      throw new SinkException("warehouse", table + " holds version " + recorded.version() + " of "
          + newest.dataset() + ", but the dataset's newest version is " + newest.version() + " (was the lake "
          + "rebuilt?): load it once with LoadMode.REPLACE to start over", null, false, 1);
    }
    if (mode != LoadMode.REPLACE && recorded.version() == newest.version()) {
      return new LoadPlan(recorded.version(), newest.version(), List.of(), false, List.of(), List.of(), List.of());
    }
    Map<String, DataFile> live = new LinkedHashMap<>();
    newest.files().forEach(f -> live.put(f.path(), f));
    List<String> gone = recorded.paths().stream().filter(p -> !live.containsKey(p)).sorted().toList();
    List<DataFile> fresh = newest.files().stream().filter(f -> !recorded.paths().contains(f.path())).toList();
    List<String> added = fresh.stream().map(DataFile::path).toList();
    if (mode == LoadMode.REPLACE) {
      return new LoadPlan(recorded.version(), newest.version(), newest.files(), true, List.of(), gone,
          newest.files().stream().map(DataFile::path).toList());
    }
    if (mode == LoadMode.MERGE || gone.isEmpty()) {
      return new LoadPlan(recorded.version(), newest.version(), fresh, false, List.of(), gone, added);
    }
    Map<String, Map<String, String>> partitions = partitionsOf(gone, newest.partitionBy());
    if (partitions == null) { // unpartitioned, or paths that no longer parse: every row again
      return new LoadPlan(recorded.version(), newest.version(), newest.files(), true, List.of(), gone, added);
    }
    Set<String> picked = new HashSet<>(added);
    List<DataFile> files = new ArrayList<>();
    for (DataFile f : newest.files()) {
      if (picked.contains(f.path()) || partitions.containsKey(PartitionPaths.directory(f.partition()))) {
        files.add(f);
      }
    }
    return new LoadPlan(recorded.version(), newest.version(), files, false, new ArrayList<>(partitions.values()),
        gone, added);
  }

  /**
   * The partitions of these paths by directory ({@code country=France}; values decoded, null for Hive's null
   * directory), or null when the dataset is not partitioned or a path is not under one directory per column.
   */
  private static Map<String, Map<String, String>> partitionsOf(List<String> paths, List<String> partitionBy) {
    if (partitionBy.isEmpty()) {
      return null;
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String p : paths) {
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return null;
      }
      String directory = p.substring(0, slash);
      try {
        Map<String, String> values = PartitionPaths.parse(directory, partitionBy);
        if (values.size() != partitionBy.size() || directory.split("/").length != partitionBy.size()) {
          return null;
        }
        out.put(directory, values);
      } catch (RuntimeException e) {
        return null; // written under another partitioning
      }
    }
    return out;
  }

  boolean upToDate() {
    return files.isEmpty() && !clearAll && clear.isEmpty() && gone.isEmpty() && added.isEmpty()
        && previousVersion == version;
  }

  long rows() {
    return files.stream().mapToLong(DataFile::rows).sum();
  }
}
