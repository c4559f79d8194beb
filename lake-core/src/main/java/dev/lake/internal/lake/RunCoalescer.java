package dev.lake.internal.lake;

import dev.lake.LakeSink;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * For a lake sink with {@link LakeSink#coalesceSmallFiles()}: before the run's commit, merges the small files its
 * writers wrote into each partition (one per worker, or per Spark task) into files near the sink's target size. The
 * merged files are named {@code part-<commitKey>-m<hash>-<seq>}: deterministic for the run's input, so a run again
 * rewrites the same names, and carrying the commit key, so the commit's clean-up deletes the writers' files it did
 * not publish (and a killed run's merged files, like any of its files).
 *
 * <pre>{@code
 * List<DataFile> published = RunCoalescer.coalesce(sink, schemaJson, partitionColumns, added, ctx.commitKey());
 * }</pre>
 */
public final class RunCoalescer {
  private RunCoalescer() {}

  /** The files to publish: each partition's small files merged, the files already big enough as they are. */
  public static List<DataFile> coalesce(LakeSink<?> sink, String schemaJson, List<String> partitionColumns,
      List<DataFile> added, String commitKey) throws IOException {
    Map<Map<String, String>, List<DataFile>> byPartition = new LinkedHashMap<>();
    added.forEach(f -> byPartition.computeIfAbsent(f.partition(), p -> new ArrayList<>()).add(f));
    long small = sink.targetFileBytes() / 4 * 3;
    FileFormat format = sink.format();
    Schema textSchema = PartitionRewriter.textFileSchema(format, schemaJson, partitionColumns);
    URI dataDir = sink.lake().manifests().dataDirectory(sink.dataset());
    List<DataFile> published = new ArrayList<>();
    List<PartitionRewriter> done = new ArrayList<>();
    try {
      for (List<DataFile> files : byPartition.values()) {
        List<DataFile> merge = files.stream().filter(f -> f.bytes() < small && f.rows() < sink.maxRowsPerFile())
            .sorted(Comparator.comparing(DataFile::path)).toList();
        if (merge.size() < 2) {
          published.addAll(files);
          continue;
        }
        files.stream().filter(f -> !merge.contains(f)).forEach(published::add);
        String first = merge.get(0).path();
        String directory = first.substring(0, first.lastIndexOf('/') + 1);
        String name = "part-" + commitKey + "-m" + Compactor.key(sink.dataset(), directory, merge).substring(0, 8);
        PartitionRewriter rewriter = new PartitionRewriter(sink.lake().store(), dataDir, format, textSchema,
            sink.compression(), sink.targetFileBytes(), sink.maxRowsPerFile());
        done.add(rewriter);
        published.addAll(rewriter.rewrite(merge, directory, name, commitKey));
      }
      return published;
    } catch (IOException | RuntimeException | Error e) {
      done.forEach(PartitionRewriter::discard);
      throw e;
    }
  }
}
