package dev.lake.sink.iceberg;

import dev.lake.io.WriterResult;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;

/**
 * The position deletes an upsert's commit adds for keys that more than one writer of the run wrote: every such key
 * keeps the row from the latest split in the run's input (see {@link UpsertKeys}) and loses the others, which sit in
 * data files of the same snapshot, out of the equality deletes' reach. Written by the committer, one file per
 * partition, into the same row delta as the writers' files.
 *
 * <pre>{@code
 * List<URI> written = new ArrayList<>();
 * List<DeleteFile> more = CrossWriterUpserts.deletes(table, results, "run-1", written);
 * }</pre>
 */
final class CrossWriterUpserts {
  private static final long ROW_GROUP_BYTES = 8L << 20;

  private CrossWriterUpserts() {}

  /**
   * The position delete files for the rows other writers' later rows replace (none when at most one writer wrote
   * keys). {@code written} gets each file's URI before it is written, so that a failed commit can remove it.
   */
  static List<DeleteFile> deletes(Table table, List<WriterResult> results, String runId, List<URI> written)
      throws IOException {
    List<String> keys = new ArrayList<>();
    List<Integer> writers = new ArrayList<>();
    for (WriterResult r : results) {
      String k = r.metadata().get(UpsertKeys.KEY);
      if (k != null) {
        keys.add(k);
        writers.add(r.writerIndex());
      }
    }
    if (keys.size() < 2) {
      return List.of();
    }
    List<UpsertKeys.Superseded> superseded = UpsertKeys.superseded(keys, writers);
    if (superseded.isEmpty()) {
      return List.of();
    }
    List<List<DataFile>> dataFiles = new ArrayList<>();
    for (WriterResult r : results) {
      if (r.metadata().containsKey(UpsertKeys.KEY)) {
        dataFiles.add(DataFileCodec.decode(r.metadata().get(DataFileCodec.KEY)));
      }
    }
    Map<PartitionValues, List<PositionDeleteFiles.Position>> byPartition = new LinkedHashMap<>();
    for (UpsertKeys.Superseded s : superseded) {
      DataFile file = dataFiles.get(s.result()).get(s.file());
      byPartition.computeIfAbsent(partitionOf(file.partition()), p -> new ArrayList<>())
          .add(new PositionDeleteFiles.Position(file.location(), s.pos()));
    }
    String batch = UUID.randomUUID().toString().substring(0, 8);
    List<DeleteFile> out = new ArrayList<>();
    int seq = 0;
    for (Map.Entry<PartitionValues, List<PositionDeleteFiles.Position>> e : byPartition.entrySet()) {
      String name = String.format("pos-deletes-%s-commit-%s-%05d.parquet", runId, batch, seq++);
      out.add(PositionDeleteFiles.write(table, e.getKey(), name, e.getValue(), ROW_GROUP_BYTES, written));
    }
    return out;
  }

  private static PartitionValues partitionOf(StructLike partition) {
    Object[] values = new Object[partition == null ? 0 : partition.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = partition.get(i, Object.class);
    }
    return PartitionValues.of(values);
  }
}
