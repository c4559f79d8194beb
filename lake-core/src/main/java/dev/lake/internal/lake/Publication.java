package dev.lake.internal.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lake.io.DataFile;
import dev.lake.io.StagedObject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one commit adds to one dataset, complete enough for any process to publish it: the files with their staged
 * handles, the write mode, the layout, and the splits it commits. A committed run's state entry carries one per
 * dataset it wrote, so a crash after the commit is rolled forward by the next run, or by the next commit on the
 * dataset (from its pending marker).
 *
 * <pre>{@code
 * Publication p = new Publication("s3://bucket/lake/", "processed/sales", "APPEND", "PARQUET", List.of("year"),
 *     schemaJson, files, staged, splits, List.of());
 * }</pre>
 *
 * @param root the root URI of the dataset's lake
 * @param dataset the dataset path, e.g. {@code processed/online_retail}
 * @param mode {@code APPEND}, {@code OVERWRITE}, {@code OVERWRITE_PARTITIONS} or {@code COMPACT}
 * @param format the file format
 * @param partitionBy partition columns
 * @param schema the rows' Avro schema as JSON, or null to keep the dataset's
 * @param files the files to add, at their final paths (relative to the dataset directory), with their splits
 * @param staged each file's staged object, by path
 * @param splits every split this commit records in the dataset's ledger (also those with no rows in it)
 * @param replaces for {@code COMPACT}: the groups of files swapped, each applied only if all its inputs are live
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Publication(String root, String dataset, String mode, String format, List<String> partitionBy, String schema,
    List<DataFile> files, Map<String, StagedObject> staged, List<String> splits, List<Swap> replaces)
    implements Serializable {

  public Publication {
    partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    files = files == null ? List.of() : List.copyOf(files);
    staged = staged == null ? Map.of() : Map.copyOf(staged);
    splits = splits == null ? List.of() : List.copyOf(splits);
    replaces = replaces == null ? List.of() : List.copyOf(replaces);
  }

  /**
   * One compaction group: {@code outputs} replace {@code inputs}, or nothing happens when another commit removed
   * one of the inputs meanwhile.
   *
   * @param inputs paths of the files replaced
   * @param outputs paths of the files replacing them (among the publication's files)
   */
  public record Swap(List<String> inputs, List<String> outputs) implements Serializable {
    public Swap {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * True when publishing it makes no new version: no file, unless it overwrites (an overwrite of no rows empties the
   * dataset on purpose). Splits that gave no row are then not recorded: reading them again adds nothing, and a
   * schedule that finds nothing new does not pile up versions.
   */
  public boolean isEmpty() {
    return files.isEmpty() && !"OVERWRITE".equals(mode);
  }

  /** Splits committed without a row in any of the files. */
  public List<String> emptySplits() {
    Set<String> withRows = new LinkedHashSet<>();
    files.forEach(f -> withRows.addAll(f.splits()));
    List<String> empty = new ArrayList<>();
    splits.stream().filter(s -> !withRows.contains(s)).forEach(empty::add);
    return empty;
  }

  /** The lake the dataset is in. */
  public LakeRoot lake() {
    return new LakeRoot(java.net.URI.create(root));
  }

  /** The same publication without the files of {@code dropped} paths (and without their staged objects). */
  public Publication without(Set<String> dropped) {
    List<DataFile> kept = files.stream().filter(f -> !dropped.contains(f.path())).toList();
    Map<String, StagedObject> keptStaged = new java.util.LinkedHashMap<>(staged);
    dropped.forEach(keptStaged::remove);
    return new Publication(root, dataset, mode, format, partitionBy, schema, kept, keptStaged, splits, replaces);
  }
}
