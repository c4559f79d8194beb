package dev.lake.internal.lake;

import dev.lake.io.DataFile;
import dev.lake.io.Locations;
import dev.lake.io.StagedObject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * For a lake sink with {@code LakeSink.coalesceSmallFiles()}: before the run's commit, rewrites the files its writers
 * put in the scratch directory ({@code _lake/scratch/<dataset>/}, outside the dataset, so no reader sees them) into
 * staged files near the sink's target size, one set per partition, named {@code part-<attemptId>-m<n>-<seq>} and
 * holding the splits of the files they merge. The scratch files are deleted once merged.
 *
 * <pre>{@code
 * RunCoalescer.Merged merged = RunCoalescer.coalesce(sink, schemaJson, partitionColumns, written, attemptId);
 * }</pre>
 */
public final class RunCoalescer {
  private RunCoalescer() {}

  /** The staged files to publish and their staged objects, by path. */
  public record Merged(List<DataFile> files, Map<String, StagedObject> staged) {}

  /** Merges each partition's scratch files into staged files; deletes the scratch files. */
  public static Merged coalesce(LakeDataset sink, String schemaJson, List<String> partitionColumns,
      List<DataFile> written, String attemptId) throws IOException {
    Map<Map<String, String>, List<DataFile>> byPartition = new LinkedHashMap<>();
    written.forEach(f -> byPartition.computeIfAbsent(f.partition(), p -> new ArrayList<>()).add(f));
    ManifestStore manifests = LakePublications.manifests(sink);
    URI scratch = manifests.scratchDirectory(sink.dataset());
    Schema textSchema = PartitionRewriter.textFileSchema(sink.format(), schemaJson, partitionColumns);
    List<DataFile> files = new ArrayList<>();
    Map<String, StagedObject> staged = new LinkedHashMap<>();
    List<PartitionRewriter> done = new ArrayList<>();
    try {
      int group = 0;
      for (List<DataFile> inputs : byPartition.values()) {
        List<DataFile> merge = inputs.stream().sorted(Comparator.comparing(DataFile::path)).toList();
        String first = merge.get(0).path();
        String directory = first.substring(0, first.lastIndexOf('/') + 1);
        PartitionRewriter rewriter = new PartitionRewriter(sink.lake().store(),
            manifests.dataDirectory(sink.dataset()), sink.format(), textSchema, sink.compression(),
            sink.targetFileBytes(), sink.maxRowsPerFile());
        done.add(rewriter);
        files.addAll(rewriter.rewrite(merge, scratch, directory, "part-" + attemptId + "-m" + group++, attemptId));
        staged.putAll(rewriter.staged());
      }
    } catch (IOException | RuntimeException | Error e) {
      done.forEach(PartitionRewriter::discard);
      throw e;
    } finally {
      sink.lake().store().deleteAll(written.stream().map(f -> Locations.child(scratch, f.path())).toList());
    }
    return new Merged(files, staged);
  }
}
